using Laqa.Search.Tests.Simulation;

namespace Laqa.Search.Tests;

/// <summary>
/// A campaign stopped at any point and continued with a new policy (restored from the persisted
/// history and the latest snapshots, observed in another order) ends exactly like one that ran through.
/// "workers" is the number of batches in flight at once (workers times the jobs queued per worker).
/// </summary>
public class ResumeTests
{
    private const int Count = 16, StepsPerBatch = 10, MaxSteps = 400;

    [Theory]
    [InlineData("sync", 3, 7)]
    [InlineData("sync", 3, 16)]
    [InlineData("sync", 3, 17)]
    [InlineData("sync", 1, 41)]
    [InlineData("async", 1, 5)]
    [InlineData("async", 1, 30)]
    [InlineData("async", 2, 5)]
    [InlineData("async", 2, 30)]
    [InlineData("async", 4, 23)]
    [InlineData("rs", 1, 12)]
    [InlineData("rs", 2, 13)]
    [InlineData("race", 1, 12)]
    [InlineData("race", 2, 13)]
    [InlineData("race", 3, 27)]
    public void ResumedCampaignEndsLikeAnUninterruptedOne(string policyName, int workers, int stopAfter)
    {
        var straight = new ToyLandscape(Count, seed: 21, maxStepsPerCandidate: MaxSteps);
        var straightRun = new CampaignSimulator(Snapshots.Policy(policyName, Count, nselect: 4, maxSteps: MaxSteps), straight, workers, StepsPerBatch);
        straightRun.CreateAll();
        Assert.True(straightRun.Run());

        var resumed = new ToyLandscape(Count, seed: 21, maxStepsPerCandidate: MaxSteps);
        var firstRun = new CampaignSimulator(Snapshots.Policy(policyName, Count, nselect: 4, maxSteps: MaxSteps), resumed, workers, StepsPerBatch);
        firstRun.CreateAll();
        Assert.False(firstRun.Run(stopAfter));
        firstRun.Crash();
        var persisted = firstRun.Policy.History.ToList();

        var restored = Snapshots.Policy(policyName, Count, nselect: 4, maxSteps: MaxSteps);
        restored.Restore(persisted);
        for (var id = Count - 1; id >= 0; id--) restored.Observe(resumed.Latest(id));
        Assert.True(new CampaignSimulator(restored, resumed, workers, StepsPerBatch).Run());

        Assert.Equal(straight.TotalSteps, resumed.TotalSteps);
        Assert.Equal(Enumerable.Range(0, Count).Select(straight.Latest), Enumerable.Range(0, Count).Select(resumed.Latest));
        Assert.Equal(straightRun.Policy.History, restored.History);
    }
}
