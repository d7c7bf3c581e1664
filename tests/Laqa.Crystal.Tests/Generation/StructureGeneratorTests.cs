using Laqa.Crystal.Generation;
using Laqa.Crystal.Neighbours;
using Laqa.Crystal.Spglib;
using Laqa.Crystal.Symmetry;
using Xunit;

namespace Laqa.Crystal.Tests.Generation;

public class StructureGeneratorTests
{
    private static double[,] Distances(Composition composition, double factor = 0.7)
    {
        var n = composition.Species.Length;
        var d = new double[n, n];
        for (var a = 0; a < n; a++)
        for (var b = 0; b < n; b++)
            d[a, b] = factor * (Elements.Get(composition.Species[a].Symbol).CovalentRadius + Elements.Get(composition.Species[b].Symbol).CovalentRadius);
        return d;
    }

    private static GenerationRequest Request(string formula, IReadOnlyList<int> groups, bool primitive = false) =>
        new(Composition.Parse(formula), groups, Distances(Composition.Parse(formula)), VolumePerAtom: 20.0, Primitive: primitive);

    [Fact]
    public void EveryGroupYieldsStructuresThatSpglibFindsInThatGroup()
    {
        Assert.True(SymmetryAnalyzer.IsAvailable);
        var exact = 0;
        var supergroups = new List<string>();
        for (var number = 1; number <= 230; number++)
        {
            // One general orbit of each species fits every group, and random special sites stay possible.
            var group = SpaceGroups.Get(number);
            var formula = $"Si{group.Order}O{group.Order}";
            var generator = new StructureGenerator(Request(formula, [number]), seed: number);
            var generated = generator.Generate(0);
            var s = generated.Structure;
            Assert.Equal(number, generated.SpaceGroup);
            Assert.Equal(group.Order, s.Species.Count(x => x == "Si"));
            Assert.Equal(group.Order, s.Species.Count(x => x == "O"));
            Assert.True(MinimumImage.ShortestDistance(s) >= 0.7 * 2 * Elements.Get("O").CovalentRadius - 1e-9);
            var found = SymmetryAnalyzer.Analyze(s, 1e-3).SpaceGroupNumber;
            if (found == number) exact++;
            else
            {
                // A random structure can land in a supergroup by chance, never in a group missing our operations.
                Assert.True(SpaceGroups.Get(found).Order / (double)SpaceGroups.Get(found).CentringVectors.Length
                            >= group.Order / (double)group.CentringVectors.Length, $"group {number}: spglib found {found}");
                supergroups.Add($"{number}->{found}");
            }
        }
        Assert.True(exact >= 220, $"only {exact} of 230 exact; supergroups: {string.Join(", ", supergroups)}");
    }

    [Fact]
    public void CandidateDependsOnlyOnSeedAndIndex()
    {
        var request = Request("Li12P4S16", [.. Enumerable.Range(1, 230)], primitive: true);
        var first = new StructureGenerator(request, seed: 7);
        var second = new StructureGenerator(request, seed: 7);
        var forward = Enumerable.Range(0, 12).Select(first.Generate).ToList();
        var parallel = new GeneratedStructure[12];
        Parallel.For(0, 12, i => parallel[11 - i] = second.Generate(11 - i));
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(forward[i].SpaceGroup, parallel[i].SpaceGroup);
            Assert.True(forward[i].Structure.Fractional.SequenceEqual(parallel[i].Structure.Fractional));
            Assert.Equal(forward[i].Structure.Lattice.Matrix, parallel[i].Structure.Lattice.Matrix);
            Assert.Equal(new[] { "Li", "P", "S" }, forward[i].Structure.Species.Distinct());
            Assert.Equal(32, forward[i].Structure.Count);
        }
        Assert.False(forward[0].Structure.Fractional.SequenceEqual(new StructureGenerator(request, seed: 8).Generate(0).Structure.Fractional));
    }

    [Fact]
    public void PrimitiveOutputHoldsTheRequestedCountsAndTheSameSymmetry()
    {
        var generator = new StructureGenerator(Request("Si2", [227], primitive: true), seed: 1);
        var s = generator.Generate(0).Structure;
        Assert.Equal(2, s.Count);
        Assert.Equal(227, SymmetryAnalyzer.Analyze(s).SpaceGroupNumber);
    }

    [Fact]
    public void NoWyckoffCombinationIsAnErrorNamingTheCause()
    {
        // Fd-3m's smallest orbit in the conventional cell has 8 points: 3 atoms cannot be placed.
        var error = Assert.Throws<LaqaInputException>(() => new StructureGenerator(Request("Si3", [227]), seed: 1));
        Assert.Contains("no combination of Wyckoff positions", error.Message);
    }

    [Fact]
    public void DistancesThatCannotFitTheVolumeEndInBoundedTime()
    {
        var composition = Composition.Parse("Si8");
        var request = new GenerationRequest(composition, [1], new[,] { { 4.0 } }, VolumePerAtom: 20.0);
        var error = Assert.Throws<LaqaInputException>(() => new StructureGenerator(request, 1));
        Assert.Contains("cannot fit the volume", error.Message);
        var tight = new GenerationRequest(composition, [1], new[,] { { 2.8 } }, VolumePerAtom: 20.0, MaxAttempts: 200);
        Assert.Contains("could not place", Assert.Throws<LaqaInputException>(() => new StructureGenerator(tight, 1).Generate(0)).Message);
    }
}
