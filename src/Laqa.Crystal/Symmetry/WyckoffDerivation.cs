using System.Collections.Immutable;

namespace Laqa.Crystal.Symmetry;

/// <summary>
/// Derives the Wyckoff positions of a space group from its operations. Every point of the 1/24 grid
/// of the cell is classified by its site-symmetry group H (the operations, with their lattice parts,
/// that fix it); the fixed-point set of H is an affine subspace whose generic points have exactly H.
/// Subspaces related by an operation plus a lattice translation form one Wyckoff position, with
/// multiplicity |G| / |H|. The grid is fine enough that every Wyckoff position of the 230 types has
/// a grid point with no higher symmetry.
/// </summary>
internal static class WyckoffDerivation
{
    private const int D = SeitzOperation.Denominator;

    public static ImmutableArray<WyckoffPosition> Derive(SpaceGroup group)
    {
        var ops = group.ExactOperations;
        var orbits = new Dictionary<SubspaceKey, (AffineSubspace Subspace, int SiteOrder)>();
        foreach (var (point, stabilizer) in DistinctStabilizers(ops))
        {
            var subspace = AffineSubspace.FixedBy(stabilizer.Select(i => ops[i].R), point);
            var orbitKey = ops.Min(op => subspace.Transform(op).Key());
            if (!orbits.ContainsKey(orbitKey)) orbits[orbitKey] = (subspace, stabilizer.Length);
        }

        var positions = orbits.Values
            .Select(o => Present(ops, o.Subspace, o.SiteOrder))
            .OrderBy(p => p.Multiplicity)
            .ThenBy(p => p.Directions.Length)
            .ThenBy(p => p.Sort)
            .ToList();
        return [.. positions.Select((p, i) => new WyckoffPosition(group, Letter(i), p.Multiplicity, p.SiteOrder, p.Origin, p.Directions, p.Cosets))];
    }

    private sealed record Presented(int Multiplicity, int SiteOrder, Vec3 Origin, Vec3[] Directions, SymmetryOperation[] Cosets, string Sort);

    /// <summary>The orbit member with the simplest coordinate triplet, and one operation per coset of its site-symmetry group.</summary>
    private static Presented Present(ImmutableArray<SeitzOperation> ops, AffineSubspace subspace, int siteOrder)
    {
        var best = ops
            .Select(op => subspace.Transform(op).Presentation())
            .MinBy(p => PresentationRank(p.Origin, p.Directions), StringComparer.Ordinal);
        var site = ops.Where(op => Fixes(op, best.Origin, best.Directions)).ToHashSet();
        if (site.Count != siteOrder) throw new InvalidOperationException($"site-symmetry order {site.Count} differs from {siteOrder}");

        var cosets = new List<SeitzOperation>();
        foreach (var op in ops)
            if (!cosets.Any(r => site.Contains(Inverse(r).Then(op)))) cosets.Add(op);
        return new Presented(ops.Length / siteOrder, siteOrder, best.Origin.ToVec3(1.0 / D), [.. best.Directions.Select(d => d.ToVec3())],
            [.. cosets.Select(c => c.ToSymmetryOperation())], PresentationRank(best.Origin, best.Directions));
    }

    // Directions along earlier axes first, then the origin compared from z to x.
    private static string PresentationRank(IntVec3 origin, IntVec3[] directions) =>
        string.Concat(directions.Select(d => $"{d.NonZeroCount}{2 - d.X}{2 - d.Y}{2 - d.Z}")) + $"|{origin.Z:D2}{origin.Y:D2}{origin.X:D2}";

    private static bool Fixes(SeitzOperation op, IntVec3 origin, IntVec3[] directions) =>
        (op.Apply(origin) - origin).Mod(D).IsZero && directions.All(d => op.R * d == d);

    private static SeitzOperation Inverse(SeitzOperation op)
    {
        var r = op.R;
        var inverse = r;
        while (inverse * r != IntMatrix3.Identity) inverse = inverse * r;
        return SeitzOperation.Reduced(inverse, -(inverse * op.T));
    }

    /// <summary>One grid point for each distinct site-symmetry group (operation indices with their lattice parts).</summary>
    private static List<(IntVec3 Point, int[] Stabilizer)> DistinctStabilizers(ImmutableArray<SeitzOperation> ops)
    {
        var result = new List<(IntVec3, int[])>();
        var seen = new HashSet<string>();
        var indices = new List<int>();
        var lattice = new List<IntVec3>();
        var haveGeneral = false;
        for (var x = 0; x < D; x++)
            for (var y = 0; y < D; y++)
                for (var z = 0; z < D; z++)
                {
                    var k = new IntVec3(x, y, z);
                    indices.Clear();
                    lattice.Clear();
                    for (var i = 0; i < ops.Length; i++)
                    {
                        var v = ops[i].Apply(k) - k;
                        if (v.X % D != 0 || v.Y % D != 0 || v.Z % D != 0) continue;
                        indices.Add(i);
                        lattice.Add(v);
                    }
                    if (indices.Count == 1)
                    {
                        if (!haveGeneral) result.Add((k, [0]));
                        haveGeneral = true;
                        continue;
                    }
                    var key = string.Join(';', indices.Select((i, j) => $"{i}:{lattice[j]}"));
                    if (seen.Add(key)) result.Add((k, [.. indices]));
                }
        return result;
    }

    private static string Letter(int index) => index < 26 ? ((char)('a' + index)).ToString() : "α";
}
