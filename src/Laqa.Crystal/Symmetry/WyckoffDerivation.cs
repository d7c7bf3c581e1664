using System.Collections.Immutable;

namespace Laqa.Crystal.Symmetry;

/// <summary>
/// Derives the Wyckoff positions of a space group from its operations. Every point of the 1/24 grid
/// of the cell is classified by its site-symmetry group H (the operations, with their lattice parts,
/// that fix it); the fixed-point set of H is an affine subspace whose generic points have exactly H.
/// Subspaces related by an operation plus a lattice translation form one Wyckoff position, with
/// multiplicity |G| / |H|. The grid is fine enough that every Wyckoff position of the 230 types has
/// a grid point with no higher symmetry.
/// Each orbit is presented by its first member in <see cref="PresentationRank"/> order, and lettered
/// as the International Tables do by <see cref="WyckoffLetterTable"/>.
/// </summary>
internal static class WyckoffDerivation
{
    private const int D = SeitzOperation.Denominator;

    // Keeps the fixed-point residues non-negative so that % and / act as on the lattice.
    private const int Offset = 8 * D;

    public static ImmutableArray<WyckoffPosition> Derive(SpaceGroup group)
    {
        var ops = group.ExactOperations;
        var principal = PrincipalAxis(group.CrystalSystem);
        var covered = new HashSet<SubspaceKey>();
        var positions = new List<(int LetterIndex, Presented Position)>();
        foreach (var (point, stabilizer) in DistinctStabilizers(ops))
        {
            var subspace = AffineSubspace.FixedBy(stabilizer.Select(i => ops[i].R), point);
            if (covered.Contains(subspace.Key())) continue;
            var best = subspace.Presentation();
            int[]? bestRank = null;
            foreach (var op in ops)
            {
                var image = subspace.Transform(op);
                covered.Add(image.Key());
                var presentation = image.Presentation();
                var rank = PresentationRank(presentation.Origin, presentation.Directions, principal);
                if (bestRank is null || Compare(rank, bestRank) < 0) (best, bestRank) = (presentation, rank);
            }
            var presented = Present(ops, best.Origin, best.Directions, stabilizer.Length);
            positions.Add((WyckoffLetterTable.LetterIndex(group.Number, WyckoffPosition.Triplet(presented.Origin, presented.Directions)), presented));
        }

        positions.Sort((p, q) => p.LetterIndex.CompareTo(q.LetterIndex));
        // Every letter once: the table row and the derivation must list the same positions.
        if (positions.Select(p => p.LetterIndex).Where((index, i) => index != i).Any())
            throw new InvalidOperationException($"space group {group.Number}: the letter table does not match the {positions.Count} derived positions");
        return [.. positions.Select(p => new WyckoffPosition(group, Letter(p.LetterIndex), p.Position.Multiplicity, p.Position.SiteOrder, p.Position.Origin, p.Position.Directions, p.Position.Cosets))];
    }

    private sealed record Presented(int Multiplicity, int SiteOrder, Vec3 Origin, Vec3[] Directions, SymmetryOperation[] Cosets);

    /// <summary>The position with its representative, and one operation per left coset of the site-symmetry group.</summary>
    private static Presented Present(ImmutableArray<SeitzOperation> ops, IntVec3 origin, IntVec3[] directions, int siteOrder)
    {
        var site = ops.Where(op => (op.Apply(origin) - origin).Mod(D).IsZero && directions.All(d => op.R * d == d)).ToList();
        if (site.Count != siteOrder) throw new InvalidOperationException($"site-symmetry order {site.Count} differs from {siteOrder}");
        var cosets = new List<SeitzOperation>();
        var inCoset = new HashSet<SeitzOperation>();
        foreach (var op in ops)
        {
            if (inCoset.Contains(op)) continue;
            cosets.Add(op);
            foreach (var h in site) inCoset.Add(op.Then(h));
        }
        return new Presented(ops.Length / siteOrder, siteOrder, origin.ToVec3(1.0 / D), [.. directions.Select(d => d.ToVec3())],
            [.. cosets.Select(c => c.ToSymmetryOperation())]);
    }

    // The unique axis of the standard setting, listed first among directions as in the International Tables.
    private static IntVec3 PrincipalAxis(CrystalSystem system) => system switch
    {
        CrystalSystem.Monoclinic => new(0, 1, 0),
        CrystalSystem.Tetragonal or CrystalSystem.Trigonal or CrystalSystem.Hexagonal => new(0, 0, 1),
        _ => IntVec3.Zero,
    };

    /// <summary>
    /// Orders orbit members to pick the representative: subspaces along (line) or normal to (plane)
    /// the principal axis first, then axes before face and body diagonals, a before b before c, then
    /// the origin (x, y, z). WyckoffLetterTable names positions by these representatives.
    /// </summary>
    private static int[] PresentationRank(IntVec3 origin, IntVec3[] directions, IntVec3 principal)
    {
        var axis = directions.Length switch
        {
            1 => directions[0],
            2 => directions[0].Cross(directions[1]),
            _ => IntVec3.Zero,
        };
        var a = new IntVec3(Math.Abs(axis.X), Math.Abs(axis.Y), Math.Abs(axis.Z)).Primitive();
        var zeros = 3 - a.NonZeroCount;
        return [a == principal && !a.IsZero ? 0 : 1, -zeros, -a.X, -a.Y, -a.Z, origin.X, origin.Y, origin.Z, axis.X, axis.Y, axis.Z];
    }

    private static int Compare(int[] p, int[] q)
    {
        for (var i = 0; i < p.Length; i++)
            if (p[i] != q[i]) return p[i].CompareTo(q[i]);
        return 0;
    }

    /// <summary>
    /// One grid point for each distinct site-symmetry group, with the indices of the operations in it.
    /// Each grid point accumulates a 128-bit hash of the (operation, lattice part) pairs that fix it;
    /// scanning operation by operation keeps the inner loop to integer arithmetic.
    /// </summary>
    private static List<(IntVec3 Point, int[] Stabilizer)> DistinctStabilizers(ImmutableArray<SeitzOperation> ops)
    {
        var hashA = new ulong[D * D * D];
        var hashB = new ulong[D * D * D];
        for (var i = 1; i < ops.Length; i++)
        {
            var (r, t) = (ops[i].R.MinusIdentity(), ops[i].T);
            for (var x = 0; x < D; x++)
                for (var y = 0; y < D; y++)
                {
                    int u = r.M00 * x + r.M01 * y + t.X + Offset, v = r.M10 * x + r.M11 * y + t.Y + Offset, w = r.M20 * x + r.M21 * y + t.Z + Offset;
                    for (var z = 0; z < D; z++, u += r.M02, v += r.M12, w += r.M22)
                    {
                        if (u % D != 0 || v % D != 0 || w % D != 0) continue;
                        var k = (x * D + y) * D + z;
                        var pair = (ulong)i * 0x9E3779B97F4A7C15UL ^ (ulong)(u / D) << 8 ^ (ulong)(v / D) << 16 ^ (ulong)(w / D) << 24;
                        hashA[k] = (hashA[k] ^ pair) * 0xBF58476D1CE4E5B9UL + 1;
                        hashB[k] = (hashB[k] + pair) * 0x94D049BB133111EBUL ^ 0x2545F4914F6CDD1DUL;
                    }
                }
        }

        var result = new List<(IntVec3, int[])>();
        var seen = new HashSet<(ulong, ulong)>();
        for (var k = 0; k < hashA.Length; k++)
        {
            if (!seen.Add((hashA[k], hashB[k]))) continue;
            var point = new IntVec3(k / (D * D), k / D % D, k % D);
            result.Add((point, [.. Enumerable.Range(0, ops.Length).Where(i => (ops[i].Apply(point) - point).Mod(D).IsZero)]));
        }
        return result;
    }

    private static string Letter(int index) => index < 26 ? ((char)('a' + index)).ToString() : "α";
}
