namespace Laqa.Crystal.Neighbours;

/// <summary>
/// All pairs (i, j, lattice image) closer than a cut-off, in compressed rows: the neighbours of
/// atom i are entries Start[i] .. Start[i+1]-1. For each entry: the neighbour's index, the
/// cartesian vector from i to that image of j (Å) and its length. Correct in strongly skewed
/// cells and in cells smaller than the cut-off (an atom may neighbour its own images).
/// </summary>
public sealed class NeighbourList
{
    private NeighbourList(double cutoff, bool half, int[] start, int[] index, Vec3[] delta, double[] distance)
    {
        Cutoff = cutoff;
        IsHalf = half;
        Start = start;
        Index = index;
        Delta = delta;
        Distance = distance;
    }

    public double Cutoff { get; }

    /// <summary>A half list holds each pair once (i &lt; j, or i == j with the image n and not −n); a full list holds both directions.</summary>
    public bool IsHalf { get; }

    public int[] Start { get; }
    public int[] Index { get; }
    public Vec3[] Delta { get; }
    public double[] Distance { get; }

    public int AtomCount => Start.Length - 1;

    /// <summary>The largest number of entries any one atom has (0 for no atoms).</summary>
    public int MaxNeighbours()
    {
        var most = 0;
        for (var i = 0; i < AtomCount; i++) most = Math.Max(most, Start[i + 1] - Start[i]);
        return most;
    }

    /// <summary>
    /// Most atoms per Å³ around an atom: some 50 times the densest solids. More means atoms or their periodic images nearly
    /// coincide (a lattice vector typed 1e-5 Å), whose list would take hours for a three-body potential to walk.
    /// </summary>
    public const double MaxNeighbourDensity = 10;

    /// <summary>The list; a <see cref="LaqaInputException"/> when an atom has more neighbours than <see cref="MaxNeighbourDensity"/> allows.</summary>
    public static NeighbourList Build(Structure structure, double cutoff, bool half = false)
    {
        if (!(cutoff > 0) || !double.IsFinite(cutoff))
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "cut-off must be positive and finite");
        var mostPerAtom = (int)Math.Min(int.MaxValue / 2, Math.Max(1000, MaxNeighbourDensity * 4 * Math.PI / 3 * cutoff * cutoff * cutoff));
        var lattice = structure.Lattice;
        var n = structure.Count;
        var spacing = lattice.PlaneSpacings();
        // With the fractional difference reduced to [-0.5, 0.5], images beyond these ranges are farther than the cut-off.
        var range0 = (int)Math.Floor(cutoff / spacing.X + 0.5);
        var range1 = (int)Math.Floor(cutoff / spacing.Y + 0.5);
        var range2 = (int)Math.Floor(cutoff / spacing.Z + 0.5);
        var cutoffSquared = cutoff * cutoff;
        // An image whose fractional offset along one axis is f lies at least |f| × that axis's plane
        // spacing away; images beyond the cut-off by that bound (with a margin for rounding) are skipped
        // before their vector is formed.
        var bound = cutoff * (1 + 1e-9);
        double s0 = spacing.X, s1 = spacing.Y, s2 = spacing.Z;
        var fractional = structure.Fractional.AsSpan();
        Vec3 a = lattice.A, b = lattice.B, c = lattice.C;

        var start = new int[n + 1];
        var buffer = _buffer ??= new Buffer();
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            start[i] = count;
            var fi = fractional[i];
            for (var j = half ? i : 0; j < n; j++)
            {
                var df = fractional[j] - fi;
                double d0 = df.X - Math.Round(df.X), d1 = df.Y - Math.Round(df.Y), d2 = df.Z - Math.Round(df.Z);
                for (var n0 = -range0; n0 <= range0; n0++)
                {
                    var f0 = d0 + n0;
                    if (Math.Abs(f0) * s0 > bound) continue;
                    for (var n1 = -range1; n1 <= range1; n1++)
                    {
                        var f1 = d1 + n1;
                        if (Math.Abs(f1) * s1 > bound) continue;
                        for (var n2 = -range2; n2 <= range2; n2++)
                        {
                            var f2 = d2 + n2;
                            if (Math.Abs(f2) * s2 > bound) continue;
                            var r = new Vec3(
                                f0 * a.X + f1 * b.X + f2 * c.X,
                                f0 * a.Y + f1 * b.Y + f2 * c.Y,
                                f0 * a.Z + f1 * b.Z + f2 * c.Z);
                            var r2 = r.NormSquared;
                            if (r2 >= cutoffSquared) continue;
                            if (i == j && IsSelfImageSkipped(n0, n1, n2, half)) continue;
                            if (count - start[i] == mostPerAtom) throw TooDense(structure, i, cutoff, mostPerAtom);
                            if (count == buffer.Index.Length) buffer.Grow();
                            buffer.Index[count] = j;
                            buffer.Delta[count] = r;
                            buffer.Distance[count] = Math.Sqrt(r2);
                            count++;
                        }
                    }
                }
            }
        }
        start[n] = count;
        return new NeighbourList(cutoff, half, start, buffer.Index[..count], buffer.Delta[..count], buffer.Distance[..count]);
    }

    private static LaqaInputException TooDense(Structure structure, int atom, double cutoff, int most)
    {
        var spacing = structure.Lattice.PlaneSpacings();
        return new LaqaInputException(FormattableString.Invariant(
            $"atom {atom + 1} has more than {most} neighbours within {cutoff:G4} Å (more than {MaxNeighbourDensity} atoms per Å³): atoms or their periodic images nearly coincide (plane spacings {spacing.X:G3}, {spacing.Y:G3}, {spacing.Z:G3} Å)"));
    }

    // Per-thread scratch for the entries while they are found; the list itself gets exact-size copies.
    [ThreadStatic] private static Buffer? _buffer;

    private sealed class Buffer
    {
        public int[] Index = new int[1024];
        public Vec3[] Delta = new Vec3[1024];
        public double[] Distance = new double[1024];

        public void Grow()
        {
            Array.Resize(ref Index, 2 * Index.Length);
            Array.Resize(ref Delta, 2 * Delta.Length);
            Array.Resize(ref Distance, 2 * Distance.Length);
        }
    }

    // An atom's own image at n: never n = 0; in a half list only the lexicographically positive half.
    private static bool IsSelfImageSkipped(int n0, int n1, int n2, bool half)
    {
        if (n0 == 0 && n1 == 0 && n2 == 0) return true;
        if (!half) return false;
        return n0 < 0 || (n0 == 0 && (n1 < 0 || (n1 == 0 && n2 < 0)));
    }
}
