using Laqa.Crystal.Generation;
using Laqa.Crystal.Spglib;
using Xunit;

namespace Laqa.Crystal.Tests.Generation;

public class RattleTests
{
    private const int Candidates = 50;

    private static StructureGenerator Generator(string formula, string groups, long seed, Rattle? rattle) =>
        new(GenerationRequest.Default(Composition.Parse(formula), SpaceGroupSelection.Parse(groups)) with { Rattle = rattle }, seed);

    private static bool Identical(Structure a, Structure b) =>
        a.Lattice.Matrix.Cast<double>().SequenceEqual(b.Lattice.Matrix.Cast<double>()) && a.Species.SequenceEqual(b.Species) &&
        a.Fractional.Zip(b.Fractional).All(p => p.First == p.Second);

    private static double Mean(List<double> xs) => xs.Average();

    private static double StandardDeviation(List<double> xs)
    {
        var mean = Mean(xs);
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1));
    }

    [Fact]
    public void NoRattleGeneratesTheSameCandidatesAsARequestWithoutOne()
    {
        var plain = Generator("Na8Cl8", "all", 3, rattle: null);
        var zero = Generator("Na8Cl8", "all", 3, Rattle.None);
        for (var i = 0; i < 20; i++)
        {
            var (a, b) = (plain.Generate(i), zero.Generate(i));
            Assert.Equal((a.SpaceGroup, a.WyckoffPositions), (b.SpaceGroup, b.WyckoffPositions));
            Assert.True(Identical(a.Structure, b.Structure), $"candidate {i} differs");
        }
    }

    [Fact]
    public void DisplacementsAreGaussianOfTheGivenSigmaAroundThePlacedStructure()
    {
        const double sigma = 0.05;
        var plain = Generator("Na32Cl32", "all", 7, rattle: null);
        var rattle = new Rattle(sigma, 0);
        var components = new List<double>();
        for (var i = 0; i < Candidates; i++)
        {
            // The rattle itself: the generator keeps only draws that keep the minimum distances.
            var a = plain.Generate(i).Structure;
            var b = rattle.Apply(a, CandidateRandom.ForRattle(7, i));
            Assert.Equal(a.Lattice.Matrix, b.Lattice.Matrix);
            for (var k = 0; k < a.Count; k++)
            {
                var d = b.Fractional[k] - a.Fractional[k];
                var cartesian = a.Lattice.ToCartesian(new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z)));
                components.AddRange([cartesian.X, cartesian.Y, cartesian.Z]);
            }
        }
        // 9,600 components: the standard error of the mean is σ/98, of σ itself about 0.7 %.
        Assert.InRange(Mean(components), -4 * sigma / Math.Sqrt(components.Count), 4 * sigma / Math.Sqrt(components.Count));
        Assert.InRange(StandardDeviation(components), 0.96 * sigma, 1.04 * sigma);
        Assert.InRange(components.Count(c => Math.Abs(c) < sigma) / (double)components.Count, 0.66, 0.70);
    }

    [Fact]
    public void StrainIsSymmetricOfTheGivenSigmaAndCarriesTheAtoms()
    {
        const double sigma = 0.01;
        var plain = Generator("Si16", "all", 11, rattle: null);
        var strain = new Rattle(0, sigma);
        var components = new List<double>();
        for (var i = 0; i < 2 * Candidates; i++)
        {
            var a = plain.Generate(i).Structure;
            var b = strain.Apply(a, CandidateRandom.ForRattle(11, i));
            for (var k = 0; k < a.Count; k++)
                Assert.True((b.Fractional[k] - a.Fractional[k]).Norm < 1e-12, $"candidate {i}: atom {k} moved in the cell");
            // Rows are the cell vectors, new = old · F, so F = old⁻¹ · new.
            var f = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(a.Lattice.Matrix).Solve(
                MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(b.Lattice.Matrix));
            for (var r = 0; r < 3; r++)
            for (var c = r; c < 3; c++)
            {
                Assert.Equal(f[r, c], f[c, r], 1e-10);
                components.Add(f[r, c] - (r == c ? 1 : 0));
            }
        }
        Assert.InRange(StandardDeviation(components), 0.85 * sigma, 1.15 * sigma);
    }

    [Fact]
    public void SpglibFindsTheGeneratedGroupBrokenAtTightAndKeptAtLooseTolerance()
    {
        Assert.True(SymmetryAnalyzer.IsAvailable);
        var rattled = Generator("Na4Cl4", "225", 5, new Rattle(0.01, 0.001));
        for (var i = 0; i < 10; i++)
        {
            var s = rattled.Generate(i).Structure;
            Assert.Equal(1, SymmetryAnalyzer.Analyze(s, 1e-4).SpaceGroupNumber);
            Assert.Equal(225, SymmetryAnalyzer.Analyze(s, 0.1).SpaceGroupNumber);
        }
    }

    [Fact]
    public void ARattleThatBreaksTheMinimumDistancesIsDrawnAgain()
    {
        const int draws = 20;
        const long seed = 13;
        var rattle = new Rattle(0.1, 0.02);
        var plain = Generator("Na8Cl8", "all", seed, rattle: null);
        var rattled = Generator("Na8Cl8", "all", seed, rattle);
        var distances = plain.Request.Distances;
        var drawnAgain = 0;
        for (var i = 0; i < Candidates; i++)
        {
            var candidate = rattled.Generate(i).Structure;
            MinimumDistanceCheck.AssertHold(candidate, distances);
            // The first draw that keeps the distances, found here through the neighbour list: the candidate, unless none of
            // the draws does and the generator placed the candidate again.
            var random = CandidateRandom.ForRattle(seed, i);
            var placed = plain.Generate(i).Structure;
            for (var k = 0; k < draws; k++)
            {
                var drawn = rattle.Apply(placed, random);
                if (MinimumDistanceCheck.FirstViolation(drawn, distances) is not null) continue;
                Assert.True(Identical(drawn, candidate), $"candidate {i} is not the draw {k + 1} of its rattle");
                if (k > 0) drawnAgain++;
                break;
            }
        }
        Assert.InRange(drawnAgain, Candidates / 5, Candidates);
    }

    [Fact]
    public void ARattledCandidateDependsOnlyOnSeedAndIndex()
    {
        var first = Generator("Na8Cl8", "all", 9, new Rattle(0.05, 0.01));
        var second = Generator("Na8Cl8", "all", 9, new Rattle(0.05, 0.01));
        var again = second.Generate(4).Structure;
        second.Generate(3);
        Assert.True(Identical(first.Generate(4).Structure, again));
        Assert.True(Identical(first.Generate(4).Structure, second.Generate(4).Structure));
        Assert.False(Identical(first.Generate(4).Structure, Generator("Na8Cl8", "all", 9, rattle: null).Generate(4).Structure));
    }
}
