using Laqa.Crystal;

namespace Laqa.Search.Tests;

public class DuplicateRuleTests
{
    private static readonly DuplicateSpec On = DuplicateSpec.Default with { Enabled = true };

    private static readonly Vec3[] Fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];

    private static Structure Diamond(double a = 5.431) =>
        new(Lattice.Cubic(a), Enumerable.Repeat("Si", 8), Fcc.Concat(Fcc.Select(f => f + new Vec3(0.25, 0.25, 0.25))));

    /// <summary>Diamond in its primitive cell, atoms in the other order: the same crystal as <see cref="Diamond"/>.</summary>
    private static Structure DiamondPrimitive()
    {
        const double h = 5.431 / 2;
        return new Structure(new Lattice(new Vec3(0, h, h), new Vec3(h, 0, h), new Vec3(h, h, 0)), ["Si", "Si"], [new(0.25, 0.25, 0.25), new(0, 0, 0)]);
    }

    /// <summary>Hexagonal diamond with diamond's bonds: the same first two neighbour shells, and under Tersoff the same energy.</summary>
    private static Structure Lonsdaleite()
    {
        var a = 5.431 / Math.Sqrt(2);
        return new Structure(Lattice.FromParameters(a, a, a * Math.Sqrt(8.0 / 3), 90, 90, 120), Enumerable.Repeat("Si", 4),
            [new(1.0 / 3, 2.0 / 3, 1.0 / 16), new(2.0 / 3, 1.0 / 3, 9.0 / 16), new(2.0 / 3, 1.0 / 3, 15.0 / 16), new(1.0 / 3, 2.0 / 3, 7.0 / 16)]);
    }

    [Fact]
    public void MatchesARelaxingCandidateToTheLowestIdOfTheConvergedCandidatesOfTheSameStructureAndEnergy()
    {
        var rule = new DuplicateRule(On);
        rule.AddConverged(7, -4.6297, Lonsdaleite());
        rule.AddConverged(5, -4.6297, Diamond());
        rule.AddConverged(3, -4.6290, Diamond());
        Assert.Equal(3, rule.MatchOf(Snapshots.Relaxing(9, -4.6295, batches: 4), DiamondPrimitive()));
        Assert.Equal(7, rule.MatchOf(Snapshots.Relaxing(9, -4.6297, batches: 4), Lonsdaleite()));
    }

    [Fact]
    public void DoesNotMatchBeyondTheEnergyToleranceOrAnotherStructureAtTheSameEnergy()
    {
        var rule = new DuplicateRule(On);
        rule.AddConverged(1, -4.6297, Diamond());
        Assert.Null(rule.MatchOf(Snapshots.Relaxing(2, -4.6297 + 1.5e-3, batches: 2), Diamond()));
        Assert.Null(rule.MatchOf(Snapshots.Relaxing(2, -4.6297, batches: 2), Lonsdaleite()));
        // 2 % larger: the energy gate alone would let it through; the fingerprint does not.
        Assert.Null(rule.MatchOf(Snapshots.Relaxing(2, -4.6297, batches: 2), Diamond(5.431 * 1.02)));
        Assert.Equal(1, rule.MatchOf(Snapshots.Relaxing(2, -4.6297 + 0.9e-3, batches: 2), Diamond()));
    }

    [Fact]
    public void ComparesOnlyRelaxingCandidatesAndNothingWhenDisabled()
    {
        var off = new DuplicateRule(DuplicateSpec.Default);
        off.AddConverged(1, -4.6297, Diamond());
        Assert.False(off.IsEnabled);
        Assert.Null(off.MatchOf(Snapshots.Relaxing(2, -4.6297, batches: 2), Diamond()));

        var on = new DuplicateRule(On);
        on.AddConverged(1, -4.6297, Diamond());
        Assert.Null(on.MatchOf(Snapshots.Converged(2, -4.6297, batches: 2), Diamond()));
        Assert.Null(on.MatchOf(Snapshots.Relaxing(1, -4.6297, batches: 2), Diamond()));
        Assert.Null(on.MatchOf(CandidateSnapshot.Created(2), Diamond()));
    }

    [Theory]
    [InlineData("rs")]
    [InlineData("sync")]
    [InlineData("async")]
    public void ADuplicateLeavesTheQueueWithAScoreOfMinusInfinity(string policyName)
    {
        var policy = Snapshots.Created(policyName, 2, nselect: 1);
        var duplicate = Snapshots.Relaxing(0, -9, batches: 1).AsDuplicateOf(1);
        Assert.True(duplicate.IsTerminal);
        Assert.Equal(double.NegativeInfinity, LaqaScore.Of(duplicate, new LaqaWeights()));
        policy.Observe(duplicate);
        var taken = new List<int>();
        while (policy.TryTake(out var id)) taken.Add(id);
        Assert.DoesNotContain(0, taken);
    }
}
