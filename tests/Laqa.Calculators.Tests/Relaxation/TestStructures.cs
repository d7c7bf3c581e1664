using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Relaxation;

internal static class TestStructures
{
    /// <summary>The 4-atom conventional fcc cell with cube edge a.</summary>
    public static Structure Fcc(double a, string species = "Ar") => new(Lattice.Cubic(a), Enumerable.Repeat(species, 4),
        [new Vec3(0, 0, 0), new Vec3(0, 0.5, 0.5), new Vec3(0.5, 0, 0.5), new Vec3(0.5, 0.5, 0)]);

    /// <summary>The structure under the deformation I + strain (cell and atoms alike), each atom then moved by a random cartesian vector of length up to maxDisplacement.</summary>
    public static Structure Perturbed(Structure structure, double[,] strain, double maxDisplacement, int seed)
    {
        var random = new Random(seed);
        var deformation = new double[3, 3];
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            deformation[i, j] = (i == j ? 1 : 0) + strain[i, j];
        var lattice = structure.Lattice.Deformed(deformation);
        var cartesian = structure.Fractional.Select(f =>
        {
            var direction = new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5);
            return lattice.ToCartesian(f) + direction / direction.Norm * (maxDisplacement * random.NextDouble());
        });
        return Structure.FromCartesian(lattice, structure.Species, cartesian);
    }

    public static readonly double[,] ShearAndStretch = { { 0.03, 0.01, 0.0 }, { 0.01, -0.02, 0.015 }, { 0.0, 0.015, 0.025 } };
}
