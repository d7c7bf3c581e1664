using Laqa.Search.Tests.Simulation;
using static Laqa.Search.Tests.Snapshots;

namespace Laqa.Search.Tests;

public class RandomSearchPolicyTests
{
    [Fact]
    public void OneWorkerRelaxesEachCandidateToTheEndInIdOrder()
    {
        var landscape = new ToyLandscape(12, seed: 3);
        var policy = Policy("rs", 12);
        var simulator = new CampaignSimulator(policy, landscape, workers: 1, stepsPerBatch: 10);
        simulator.CreateAll();

        Assert.True(simulator.Run());

        var taken = policy.History.SelectMany(r => r.CandidateIds).ToList();
        var firstTaken = taken.Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, 12), firstTaken);
        // Each candidate's batches are consecutive: once another id is taken, the earlier one never returns.
        Assert.All(firstTaken, id => Assert.Equal(taken.LastIndexOf(id) - taken.IndexOf(id) + 1, taken.Count(t => t == id)));
        Assert.All(Enumerable.Range(0, 12), id => Assert.Equal(CandidateStatus.Converged, landscape.Latest(id).Status));
        Assert.Equal(Enumerable.Range(0, landscape.GroundState + 1).Sum(id => (long)landscape.Latest(id).Steps), simulator.StepsToGroundState);
    }

    [Fact]
    public void WithTwoWorkersTheTwoLowestUnfinishedCandidatesAreInFlight()
    {
        var policy = Created("rs", 4);

        Assert.Equal(0, policy.Take());
        Assert.Equal(1, policy.Take());
        policy.Observe(Relaxing(1, -1.0, 1));
        Assert.Equal(1, policy.Take());
        policy.Observe(Converged(0, -1.0, 1));
        Assert.Equal(2, policy.Take());
        policy.Observe(Relaxing(2, -9.0, 1));
        Assert.Equal(2, policy.Take());
        Assert.Equal(3, policy.Take());
        policy.AssertNothingReady();
        Assert.Equal([1, 2, 3], policy.InFlight.Order());
    }

    [Fact]
    public void EachBatchIsOneSelection()
    {
        var policy = Created("rs", 2);
        policy.Take();
        policy.Observe(Relaxing(0, -1, 1));
        policy.Take();

        Assert.Equal([new SelectionRecord(0, [new SelectedBatch(0, 0)]), new SelectionRecord(1, [new SelectedBatch(0, 1)])], policy.History);
    }
}
