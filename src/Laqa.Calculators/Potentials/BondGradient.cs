using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Applies an energy gradient g = dE/dd with respect to the vector d from atom i to an image of
/// atom j: forces on both atoms and the virial term g ⊗ d.
/// </summary>
internal static class BondGradient
{
    public static void Apply(double[] forces, Span<double> virial, int i, int j, Vec3 g, Vec3 d)
    {
        // Written out, not through AtomForces: in Release the extra inlinees cost the kernels the inlining of Virial.Add.
        forces[3 * i] += g.X; forces[3 * i + 1] += g.Y; forces[3 * i + 2] += g.Z;
        forces[3 * j] -= g.X; forces[3 * j + 1] -= g.Y; forces[3 * j + 2] -= g.Z;
        Virial.Add(virial, g, d);
    }
}
