using System.Runtime.CompilerServices;

namespace Laqa.Calculators.Potentials;

/// <summary>Accumulates the force on one atom in a flattened xyz force array (eV/Å).</summary>
internal static class AtomForces
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(Span<double> forces, int atom, double x, double y, double z)
    {
        forces[3 * atom] += x;
        forces[3 * atom + 1] += y;
        forces[3 * atom + 2] += z;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(Span<double> forces, int atom, double x, double y, double z)
    {
        forces[3 * atom] -= x;
        forces[3 * atom + 1] -= y;
        forces[3 * atom + 2] -= z;
    }
}
