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
        AtomForces.Add(forces, i, g.X, g.Y, g.Z);
        AtomForces.Subtract(forces, j, g.X, g.Y, g.Z);
        Virial.Add(virial, g, d);
    }
}
