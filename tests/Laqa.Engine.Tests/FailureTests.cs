using System.Collections.Concurrent;
using Laqa.Engine.Hosting;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

public sealed class FailureTests
{
    [Fact]
    public async Task ABatchThatThrowsReturnsNanOrHangsFailsOnlyItsCandidateAfterTheRetries()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 3, Candidates: 6, StepsPerBatch: 4);
        const int maxRetries = 1;
        var faults = new Dictionary<int, (int, Fault)>
        {
            [1] = (0, Fault.Throw),
            [2] = (1, Fault.NonFinite),
            [3] = (0, Fault.Hang),
            [4] = (2, Fault.ThrowOnce),
        };
        var attempts = new ConcurrentDictionary<(int, int), int>();
        var settings = campaign.Settings(workers: 2, batchTimeout: TimeSpan.FromMilliseconds(500), maxRetries: maxRetries);

        var result = await CampaignHost.RunAsync(settings, dir.Path, new FaultySource(campaign.Source, new HashSet<int> { 5 }),
            () => new FaultyRelaxer(campaign.Relaxer(), campaign.StepsPerBatch, faults, attempts, TimeSpan.FromSeconds(2)));

        Assert.True(result.Finished);
        var c = result.Candidates;
        Assert.Equal(CandidateStatus.Converged, c[0].Status);
        Assert.Equal(campaign.StepsToConverge(0), c[0].Steps);

        Assert.Equal(CandidateStatus.Failed, c[1].Status);
        Assert.Contains("calculator crashed", c[1].FailureReason);
        Assert.Equal(0, c[1].Batches);
        Assert.Equal(1 + maxRetries, attempts[(1, 0)]);

        Assert.Equal(CandidateStatus.Failed, c[2].Status);
        Assert.Contains("non-finite", c[2].FailureReason);
        Assert.Equal(1, c[2].Batches);
        Assert.Equal(1 + maxRetries, attempts[(2, 1)]);

        Assert.Equal(CandidateStatus.Failed, c[3].Status);
        Assert.Contains("timed out", c[3].FailureReason);
        Assert.Equal(0, c[3].Batches);
        Assert.Equal(1 + maxRetries, attempts[(3, 0)]);

        // A failure that does not repeat costs nothing but the retry: same path as without it.
        Assert.Equal(CandidateStatus.Converged, c[4].Status);
        Assert.Equal(campaign.StepsToConverge(4), c[4].Steps);
        Assert.Equal(campaign.ConvergedEnergyPerAtom(4), c[4].EnergyPerAtom, 12);
        Assert.Equal(2, attempts[(4, 2)]);

        Assert.Equal(CandidateStatus.Failed, c[5].Status);
        Assert.Contains("generation failed", c[5].FailureReason);
        Assert.Contains("no structure fits", c[5].FailureReason);
        Assert.False(c[5].IsCreated);

        Assert.Equal(4, result.Totals.Failed);
        Assert.Equal(2, result.Totals.Converged);
        var journal = CandidateJournal.Read(Path.Combine(dir.Path, "campaign.db"));
        foreach (var r in result.Candidates) journal[r.Id].AssertMatches(r);
    }
}
