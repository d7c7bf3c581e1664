namespace Laqa.Crystal.Neighbours;

/// <summary>Shortest periodic distances, exact in skewed cells (not just the rounded fractional difference).</summary>
public static class MinimumImage
{
    /// <summary>The shortest cartesian vector from fractional point p to any lattice image of q.</summary>
    public static Vec3 Vector(Lattice lattice, Vec3 p, Vec3 q)
    {
        var df = q - p;
        var reduced = new Vec3(df.X - Math.Round(df.X), df.Y - Math.Round(df.Y), df.Z - Math.Round(df.Z));
        var best = lattice.ToCartesian(reduced);
        var bestSquared = best.NormSquared;
        // The shortest vector is no longer than the rounded one, which bounds the images worth trying.
        var spacing = lattice.PlaneSpacings();
        var bound = Math.Sqrt(bestSquared);
        int r0 = (int)Math.Floor(bound / spacing.X + 0.5), r1 = (int)Math.Floor(bound / spacing.Y + 0.5), r2 = (int)Math.Floor(bound / spacing.Z + 0.5);
        for (var n0 = -r0; n0 <= r0; n0++)
        for (var n1 = -r1; n1 <= r1; n1++)
        for (var n2 = -r2; n2 <= r2; n2++)
        {
            var v = lattice.ToCartesian(new Vec3(reduced.X + n0, reduced.Y + n1, reduced.Z + n2));
            var v2 = v.NormSquared;
            if (v2 < bestSquared)
            {
                bestSquared = v2;
                best = v;
            }
        }
        return best;
    }

    public static double Distance(Lattice lattice, Vec3 p, Vec3 q) => Vector(lattice, p, q).Norm;

    /// <summary>The shortest distance between any two atoms, including an atom and its own images.</summary>
    public static double ShortestDistance(Structure structure)
    {
        var lattice = structure.Lattice;
        var shortest = ShortestLatticeVector(lattice);
        for (var i = 0; i < structure.Count; i++)
        for (var j = i + 1; j < structure.Count; j++)
            shortest = Math.Min(shortest, Distance(lattice, structure.Fractional[i], structure.Fractional[j]));
        return shortest;
    }

    /// <summary>Length of the shortest non-zero lattice vector: the distance from an atom to its own nearest image.</summary>
    public static double ShortestLatticeVector(Lattice lattice)
    {
        var spacing = lattice.PlaneSpacings();
        var bound = Math.Min(Math.Min(lattice.LengthA, lattice.LengthB), lattice.LengthC);
        int r0 = (int)Math.Ceiling(bound / spacing.X), r1 = (int)Math.Ceiling(bound / spacing.Y), r2 = (int)Math.Ceiling(bound / spacing.Z);
        var best = bound;
        for (var n0 = -r0; n0 <= r0; n0++)
        for (var n1 = -r1; n1 <= r1; n1++)
        for (var n2 = -r2; n2 <= r2; n2++)
        {
            if (n0 == 0 && n1 == 0 && n2 == 0) continue;
            best = Math.Min(best, lattice.ToCartesian(new Vec3(n0, n1, n2)).Norm);
        }
        return best;
    }
}
