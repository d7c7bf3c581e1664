namespace Laqa.Crystal.Tests;

/// <summary>Seeded random cells for reference comparisons, including strongly triclinic ones.</summary>
internal static class RandomCells
{
    /// <summary>Valid (a, b, c, α, β, γ): half moderate, half with lengths 1:5 and angles far from 90°.</summary>
    public static double[][] Parameters(int seed, int count)
    {
        var random = new Random(seed);
        var cells = new List<double[]>();
        while (cells.Count < count)
        {
            var skewed = cells.Count % 2 == 1;
            double Length() => skewed ? 2 + 10 * random.NextDouble() : 3 + 5 * random.NextDouble();
            double Angle() => skewed ? 20 + 140 * random.NextDouble() : 60 + 60 * random.NextDouble();
            double[] p = [Length(), Length(), Length(), Angle(), Angle(), Angle()];
            if (IsValid(p)) cells.Add(p);
        }
        return [.. cells];
    }

    /// <summary>Row matrices with random entries in [-8, 8] and no near-degenerate volume.</summary>
    public static double[][] Matrices(int seed, int count)
    {
        var random = new Random(seed);
        var cells = new List<double[]>();
        while (cells.Count < count)
        {
            var m = Enumerable.Range(0, 9).Select(_ => 16 * random.NextDouble() - 8).ToArray();
            var lattice = ToLattice(m);
            if (lattice.Volume > 0.05 * lattice.LengthA * lattice.LengthB * lattice.LengthC) cells.Add(m);
        }
        return [.. cells];
    }

    public static Lattice ToLattice(double[] rowMajor) =>
        new(new Vec3(rowMajor[0], rowMajor[1], rowMajor[2]), new Vec3(rowMajor[3], rowMajor[4], rowMajor[5]),
            new Vec3(rowMajor[6], rowMajor[7], rowMajor[8]));

    public static Lattice FromParameters(double[] p) => Lattice.FromParameters(p[0], p[1], p[2], p[3], p[4], p[5]);

    public static double[] RowMajor(Lattice lattice) =>
        [lattice.A.X, lattice.A.Y, lattice.A.Z, lattice.B.X, lattice.B.Y, lattice.B.Z, lattice.C.X, lattice.C.Y, lattice.C.Z];

    // Gram determinant of the unit vectors: positive exactly when the three angles form a cell.
    private static bool IsValid(double[] p)
    {
        double Cos(double d) => Math.Cos(d * Math.PI / 180);
        double ca = Cos(p[3]), cb = Cos(p[4]), cg = Cos(p[5]);
        return 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg > 0.01;
    }
}
