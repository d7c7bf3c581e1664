using Laqa.Crystal.Generation;
using Laqa.Crystal.Spglib;
using Laqa.Crystal.Symmetry;
using Xunit;

namespace Laqa.Crystal.Tests.Generation;

public class StructureGeneratorTests
{
    private static readonly GenerationSettingNames CommandLineNames = new("--cell {0}", "--spg");

    private static GenerationRequest Request(string formula, string groups, bool primitive = false) =>
        GenerationRequest.Default(Composition.Parse(formula), SpaceGroupSelection.Parse(groups)) with { Primitive = primitive };

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
            var generator = new StructureGenerator(Request(formula, number.ToString()), seed: number);
            var generated = generator.Generate(0);
            var s = generated.Structure;
            Assert.Equal(number, generated.SpaceGroup);
            Assert.Equal(group.Order, s.Species.Count(x => x == "Si"));
            Assert.Equal(group.Order, s.Species.Count(x => x == "O"));
            MinimumDistanceCheck.AssertHold(s, generator.Request.Distances);
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
    public void SpglibFindsEveryOperationOfTheChosenGroupAndSupergroupsStayRare()
    {
        // A realistic composition over all groups, in conventional cells (the chosen group's own setting).
        Assert.True(SymmetryAnalyzer.IsAvailable);
        var generator = new StructureGenerator(Request("Li12P4S16", "all"), seed: 11);
        const int count = 200;
        var supergroups = 0;
        for (var i = 0; i < count; i++)
        {
            var generated = generator.Generate(i);
            var dataset = SymmetryAnalyzer.Analyze(generated.Structure, 1e-3);
            // spglib's operations are those of the crystal in the input basis: ours must all be among them.
            foreach (var op in SpaceGroups.Get(generated.SpaceGroup).Operations)
                Assert.True(dataset.Operations.Any(found => SameModuloLattice(found, op)),
                    $"structure {i} in {generated.SpaceGroupSymbol}: spglib lacks the operation {op}");
            if (dataset.SpaceGroupNumber != generated.SpaceGroup) supergroups++;
        }
        Assert.True(supergroups <= count / 20, $"{supergroups} of {count} structures landed in a supergroup");
    }

    private static bool SameModuloLattice(SymmetryOperation a, SymmetryOperation b)
    {
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            if (a[i, j] != b[i, j]) return false;
        var d = a.T - b.T;
        return new[] { d.X, d.Y, d.Z }.All(x => Math.Abs(x - Math.Round(x)) < 1e-4);
    }

    [Fact]
    public void CandidateDependsOnlyOnSeedAndIndex()
    {
        var request = Request("Li12P4S16", "all", primitive: true);
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
        var generator = new StructureGenerator(Request("Si2", "227", primitive: true), seed: 1);
        var s = generator.Generate(0).Structure;
        Assert.Equal(2, s.Count);
        Assert.Equal(227, SymmetryAnalyzer.Analyze(s).SpaceGroupNumber);
    }

    [Fact]
    public void NoWyckoffCombinationIsAnErrorNamingTheCause()
    {
        // Fd-3m's smallest orbit in the conventional cell has 8 points (2 in the primitive cell): 3 atoms cannot be placed.
        var error = Assert.Throws<LaqaInputException>(() => new StructureGenerator(Request("Si3", "227"), 1, CommandLineNames));
        Assert.Equal("Si3 fits no combination of Wyckoff positions of Fd-3m (227) in the conventional cell, nor in the primitive cell; " +
                     "try other space groups (--spg)", error.Message);
    }

    // Rocksalt: 4 + 4 atoms in Fm-3m's conventional cell (4a + 4b), 1 + 1 in its primitive cell.
    [Theory]
    [InlineData("Na1Cl1", "225", false, "Na1Cl1 fits no combination of Wyckoff positions of Fm-3m (225) in the conventional cell; it fits in the primitive cell (--cell primitive)")]
    [InlineData("Na4Cl4", "225", true, "Na4Cl4 fits no combination of Wyckoff positions of Fm-3m (225) in the primitive cell; it fits in the conventional cell (--cell conventional)")]
    [InlineData("Na1Cl1", "225 227", false, "Na1Cl1 fits no combination of Wyckoff positions of any of the space groups 225 227 in the conventional cell; it fits in the primitive cell in 1 of them (Fm-3m (225)) (--cell primitive)")]
    public void CompositionFittingOnlyTheOtherCellIsAnErrorNamingThatCell(string formula, string groups, bool primitive, string message)
    {
        var error = Assert.Throws<LaqaInputException>(() => new StructureGenerator(Request(formula, groups, primitive), 1, CommandLineNames));
        Assert.Equal(message, error.Message);
        var other = new StructureGenerator(Request(formula, groups, !primitive), seed: 1);
        Assert.Equal(225, SymmetryAnalyzer.Analyze(other.Generate(0).Structure).SpaceGroupNumber);
    }

    [Fact]
    public void GroupsWhereTheCompositionDoesNotFitTheCellAreLeftOutWithoutError()
    {
        // Na1Cl1 fits Pm-3m's conventional cell (1a + 1b), but Fm-3m's only in its primitive cell.
        var generator = new StructureGenerator(Request("Na1Cl1", "221 225"), seed: 1);
        Assert.Equal([221], generator.FeasibleGroups.Select(g => g.Number));
    }

    [Fact]
    public void DistancesThatCannotFitTheVolumeEndInBoundedTime()
    {
        var request = Request("Si8", "1") with
        {
            Distances = MinimumDistances.FromCovalentRadii(["Si"], overrides: [new("Si-Si", 4.0)]),
            Volume = VolumeEstimate.Explicit(160, 0),
        };
        var error = Assert.Throws<LaqaInputException>(() => new StructureGenerator(request, 1));
        Assert.Contains("cannot fit the volume", error.Message);
        var tight = request with { Distances = MinimumDistances.FromCovalentRadii(["Si"], overrides: [new("Si-Si", 2.8)]), MaxAttempts = 200 };
        Assert.Contains("could not place", Assert.Throws<LaqaInputException>(() => new StructureGenerator(tight, 1).Generate(0)).Message);
    }
}
