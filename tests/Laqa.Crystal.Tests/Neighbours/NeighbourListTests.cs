using Xunit;
using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Crystal.Tests.Neighbours;

public class NeighbourListTests
{
    // Reference: every image within a generous box, no pruning; independent of the list's range logic.
    private static List<(int I, int J, double D)> BruteForce(Structure s, double cutoff, bool half)
    {
        const int box = 8;
        var pairs = new List<(int, int, double)>();
        for (var i = 0; i < s.Count; i++)
        for (var j = 0; j < s.Count; j++)
        for (var n0 = -box; n0 <= box; n0++)
        for (var n1 = -box; n1 <= box; n1++)
        for (var n2 = -box; n2 <= box; n2++)
        {
            if (i == j && n0 == 0 && n1 == 0 && n2 == 0) continue;
            var d = s.Lattice.ToCartesian(s.Fractional[j] + new Vec3(n0, n1, n2) - s.Fractional[i]).Norm;
            if (d < cutoff) pairs.Add((i, j, d));
        }
        if (half) pairs = pairs.Where(p => p.Item1 <= p.Item2).ToList();
        return pairs;
    }

    public static IEnumerable<object[]> Cells()
    {
        yield return [Lattice.Cubic(5.43), 8, 3.0];
        yield return [Lattice.FromParameters(3.1, 4.2, 5.3, 75, 105, 118), 5, 6.5];
        yield return [Lattice.FromParameters(2.0, 2.2, 2.5, 60, 65, 70), 2, 5.0];   // cell much smaller than the cut-off
        // Strongly skewed: c nearly in the ab plane, a long and b short.
        yield return [new Lattice(new Vec3(6, 0, 0), new Vec3(5.5, 1.2, 0), new Vec3(4.9, 0.7, 1.1)), 4, 4.0];
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void FullAndHalfListsEqualBruteForceOverImages(Lattice lattice, int atoms, double cutoff)
    {
        var random = new Random(atoms * 31 + (int)(cutoff * 10));
        var structure = new Structure(lattice, Enumerable.Repeat("Si", atoms),
            Enumerable.Range(0, atoms).Select(_ => new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble())));
        foreach (var half in new[] { false, true })
        {
            var list = NeighbourList.Build(structure, cutoff, half);
            var ours = new List<(int, int, double)>();
            for (var i = 0; i < list.AtomCount; i++)
            for (var k = list.Start[i]; k < list.Start[i + 1]; k++)
            {
                ours.Add((i, list.Index[k], list.Distance[k]));
                Assert.Equal(list.Distance[k], list.Delta[k].Norm, 12);
            }
            var reference = BruteForce(structure, cutoff, half);
            if (half)
            {
                // Self pairs i == j appear in both directions in the brute force; a half list keeps one of each.
                var selfPairs = reference.Where(p => p.I == p.J).OrderBy(p => p.I).ThenBy(p => p.D).ToList();
                reference = reference.Where(p => p.I != p.J).Concat(selfPairs.Where((_, k) => k % 2 == 0)).ToList();
            }
            Assert.Equal(reference.Count, ours.Count);
            var expected = reference.OrderBy(p => p.I).ThenBy(p => p.J).ThenBy(p => p.D).ToList();
            var actual = ours.OrderBy(p => p.Item1).ThenBy(p => p.Item2).ThenBy(p => p.Item3).ToList();
            for (var k = 0; k < expected.Count; k++)
            {
                Assert.Equal(expected[k].I, actual[k].Item1);
                Assert.Equal(expected[k].J, actual[k].Item2);
                Assert.Equal(expected[k].D, actual[k].Item3, 9);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void MinimumImageDistanceEqualsBruteForce(Lattice lattice, int atoms, double cutoff)
    {
        _ = cutoff;
        var random = new Random(atoms);
        for (var trial = 0; trial < 50; trial++)
        {
            var p = new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble());
            var q = new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble());
            var best = double.MaxValue;
            for (var n0 = -6; n0 <= 6; n0++)
            for (var n1 = -6; n1 <= 6; n1++)
            for (var n2 = -6; n2 <= 6; n2++)
                best = Math.Min(best, lattice.ToCartesian(q + new Vec3(n0, n1, n2) - p).Norm);
            Assert.Equal(best, MinimumImage.Distance(lattice, p, q), 10);
        }
        var shortestVector = double.MaxValue;
        for (var n0 = -6; n0 <= 6; n0++)
        for (var n1 = -6; n1 <= 6; n1++)
        for (var n2 = -6; n2 <= 6; n2++)
            if (n0 != 0 || n1 != 0 || n2 != 0)
                shortestVector = Math.Min(shortestVector, lattice.ToCartesian(new Vec3(n0, n1, n2)).Norm);
        Assert.Equal(shortestVector, MinimumImage.ShortestLatticeVector(lattice), 10);
    }

    [Fact]
    public void AtomsOnTopOfTheirImagesAreRefusedAndADenseCellIsNot()
    {
        var thin = new Structure(new Lattice(new Vec3(1e-5, 0, 0), new Vec3(0, 5, 0), new Vec3(0, 0, 5)), ["Si", "Si"], [Vec3.Zero, new Vec3(0.5, 0.5, 0.5)]);
        var e = Assert.Throws<LaqaInputException>(() => NeighbourList.Build(thin, 3.0));
        Assert.StartsWith("atom 1 has more than 1130 neighbours within 3 Å (more than 10 atoms per Å³)", e.Message);

        // One atom per 0.2 Å³ (five atoms per Å³, some 25 times the densest solids): its list is complete.
        var dense = new Structure(Lattice.Cubic(Math.Cbrt(0.2)), ["H"], [Vec3.Zero]);
        Assert.Equal(BruteForce(dense, 3.0, half: false).Count, NeighbourList.Build(dense, 3.0).Index.Length);
    }
}
