namespace Laqa.Crystal.Tests;

/// <summary>Supercells, rigid rotations and random displacements of test structures.</summary>
internal static class StructureVariants
{
    /// <summary>The supercell whose rows are P · (a, b, c); every image of every atom inside it, in order.</summary>
    public static Structure Supercell(Structure s, int[,] p)
    {
        Vec3 Row(int i) => p[i, 0] * s.Lattice.A + p[i, 1] * s.Lattice.B + p[i, 2] * s.Lattice.C;
        var lattice = new Lattice(Row(0), Row(1), Row(2));
        var multiplicity = (int)Math.Round(lattice.Volume / s.Lattice.Volume);
        var reach = p.Cast<int>().Sum(Math.Abs);
        var species = new List<string>();
        var fractional = new List<Vec3>();
        for (var atom = 0; atom < s.Count; atom++)
            for (var i = -reach; i <= reach; i++)
                for (var j = -reach; j <= reach; j++)
                    for (var k = -reach; k <= reach; k++)
                    {
                        var f = lattice.ToFractional(s.Lattice.ToCartesian(s.Fractional[atom] + new Vec3(i, j, k)));
                        if (Inside(f.X) && Inside(f.Y) && Inside(f.Z))
                        {
                            species.Add(s.Species[atom]);
                            fractional.Add(f);
                        }
                    }
        if (species.Count != multiplicity * s.Count)
            throw new InvalidOperationException($"supercell holds {species.Count} atoms, expected {multiplicity * s.Count}");
        return new Structure(lattice, species, fractional);
    }

    /// <summary>The same crystal with its cell vectors turned by a random rotation (fractional coordinates unchanged).</summary>
    public static Structure Rotated(Structure s, Random random)
    {
        var (w, x, y, z) = (Normal(random), Normal(random), Normal(random), Normal(random));
        var n = Math.Sqrt(w * w + x * x + y * y + z * z);
        (w, x, y, z) = (w / n, x / n, y / n, z / n);
        double[,] r =
        {
            { 1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w) },
            { 2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w) },
            { 2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y) },
        };
        return s.WithLattice(s.Lattice.Deformed(r));
    }

    /// <summary>Every atom moved by a random cartesian displacement with components in [-amplitude, amplitude] Å.</summary>
    public static Structure Displaced(Structure s, Random random, double amplitude) =>
        Structure.FromCartesian(s.Lattice, s.Species, s.Cartesian().Select(r =>
            r + amplitude * new Vec3(2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1)));

    private static bool Inside(double f) => f >= -1e-9 && f < 1 - 1e-9;

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
