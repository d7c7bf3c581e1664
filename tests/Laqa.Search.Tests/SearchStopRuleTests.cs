namespace Laqa.Search.Tests;

public class SearchStopRuleTests
{
    [Fact]
    public void EndsOnceACandidateConvergesAtOrBelowTheTargetButNotWhileItRelaxesThere()
    {
        var rule = new SearchStopRule(targetEnthalpy: -4.6, noImprovementSelections: null);
        rule.Observe(Snapshots.Relaxing(0, -4.7, batches: 2));
        rule.Observe(Snapshots.Converged(1, -4.5, batches: 3));
        Assert.Null(rule.Reason);

        rule.Observe(Snapshots.Converged(0, -4.6, batches: 4));

        Assert.Equal("candidate 0 converged at -4.6 eV/atom, at or below the target -4.6 (stop.target-enthalpy)", rule.Reason);
    }

    [Fact]
    public void EndsAfterTheGivenSelectionsWithoutAnImprovementOfAMillielectronvoltPerAtom()
    {
        var rule = new SearchStopRule(targetEnthalpy: null, noImprovementSelections: 3);
        rule.Selected(1);
        rule.Observe(Snapshots.Relaxing(0, -4.0, batches: 1));
        rule.Selected(2);
        rule.Observe(Snapshots.Relaxing(1, -4.0005, batches: 1)); // lower, but by less than 1 meV/atom
        rule.Selected(3);
        rule.Observe(Snapshots.Relaxing(2, -4.2, batches: 1)); // an improvement: counting starts again
        rule.Selected(5);
        Assert.Null(rule.Reason);

        rule.Selected(6);

        Assert.Equal("the best did not improve by 0.001 eV/atom in 3 selections (stop.no-improvement-selections)", rule.Reason);
    }

    [Fact]
    public void CountsNeitherFailedCandidatesNorThoseWithoutABatch()
    {
        var rule = new SearchStopRule(targetEnthalpy: -1, noImprovementSelections: 2);
        rule.Observe(CandidateSnapshot.Created(0));
        rule.Observe(Snapshots.Converged(1, -9, batches: 1) with { Status = CandidateStatus.Failed });
        rule.Selected(10);

        Assert.Null(rule.Reason);
    }

    [Fact]
    public void WithoutCriteriaNeverEnds()
    {
        var rule = new SearchStopRule(null, null);
        rule.Observe(Snapshots.Converged(0, -100, batches: 1));
        rule.Selected(1_000_000);

        Assert.Null(rule.Reason);
    }
}
