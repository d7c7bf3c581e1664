using Laqa.Crystal;

namespace Laqa.Cli.Tests;

internal static class SiliconStructures
{
    /// <summary>The 8-atom diamond cell at edge a, strained by I + strain and with each atom moved up to maxDisplacement Å.</summary>
    public static Structure PerturbedDiamond(double a, double strain, double maxDisplacement, int seed, string species = "Si")
    {
        Vec3[] fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];
        var sites = fcc.Concat(fcc.Select(f => f + new Vec3(0.25, 0.25, 0.25))).ToArray();
        var random = new Random(seed);
        var deformation = new double[3, 3];
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            deformation[i, j] = (i == j ? 1 : 0) + strain * (2 * random.NextDouble() - 1);
        var lattice = Lattice.Cubic(a).Deformed(deformation);
        var cartesian = sites.Select(f => lattice.ToCartesian(f) +
            new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * (2 * maxDisplacement / Math.Sqrt(3)));
        return Structure.FromCartesian(lattice, Enumerable.Repeat(species, 8), cartesian);
    }
}
