using System.Text.Json;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Hosting;
using Laqa.Engine.Serialization;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

public sealed class StopAndResumeTests
{
    [Fact]
    public async Task TheSearchStopsAtTheTotalStepLimitResumesToTheSameResultAndGoesOnWithoutIt()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 2, Candidates: 5, StepsPerBatch: 3);
        var settings = campaign.Settings(workers: 1, maxTotalSteps: 20, prefetch: 0);

        var first = await CampaignHost.RunAsync(settings, dir.Path, campaign.Source, campaign.Relaxer);
        var again = await CampaignHost.RunAsync(settings, dir.Path, campaign.Source, campaign.Relaxer);
        var unlimited = await CampaignHost.RunAsync(settings with { MaxTotalSteps = null }, dir.Path, campaign.Source, campaign.Relaxer);

        Assert.True(first.Finished);
        Assert.Contains("20 total steps", first.EndReason);
        // One worker checks the limit before each batch: it is passed by less than one batch.
        Assert.InRange(first.Totals.Steps, 20, 20 + campaign.StepsPerBatch - 1);
        Assert.Equal(first.Candidates.Sum(c => c.Steps), first.Totals.Steps);
        Assert.Equal(Json(first), Json(again));
        // The stop criteria may change between runs: without the limit the search goes on to the end.
        Assert.Equal("every candidate is done", unlimited.EndReason);
        Assert.All(unlimited.Candidates, c => Assert.Equal(campaign.StepsToConverge(c.Id), c.Steps));
    }

    [Fact]
    public async Task ACampaignStoppedGracefullyAndResumedEndsAsOneThatRanThrough()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 9, Candidates: 5, StepsPerBatch: 2);
        var settings = campaign.Settings(workers: 1, mode: LaqaMode.Sync, nselect: 2);

        var through = await CampaignHost.RunAsync(settings, dir.File("through"), campaign.Source, campaign.Relaxer);
        using var stop = new CancellationTokenSource();
        // The stop comes as the eighth batch starts: progress reports can come too late for a fake relaxer this fast.
        var batches = 0;
        var stopped = await CampaignHost.RunAsync(settings, dir.File("stopped"), campaign.Source,
            () => new CallbackRelaxer(campaign.Relaxer(), () => { if (Interlocked.Increment(ref batches) == 8) stop.Cancel(); }), stopToken: stop.Token);
        var resumed = await CampaignHost.RunAsync(settings, dir.File("stopped"), campaign.Source, campaign.Relaxer);

        Assert.False(stopped.Finished);
        Assert.InRange(stopped.Totals.Batches, 8, through.Totals.Batches - 1);
        Assert.True(resumed.Finished);
        Assert.Equal(Json(through), Json(resumed));
    }

    [Fact]
    public async Task AFolderOfAnotherCampaignIsRefused()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 4, Candidates: 2, StepsPerBatch: 2);
        await CampaignHost.RunAsync(campaign.Settings(workers: 1, maxTotalSteps: 1), dir.Path, campaign.Source, campaign.Relaxer);

        var other = campaign.Settings(workers: 1) with { Fingerprint = "another campaign" };
        var error = await Assert.ThrowsAsync<LaqaInputException>(() => CampaignHost.RunAsync(other, dir.Path, campaign.Source, campaign.Relaxer));
        Assert.Contains("another campaign", error.Message);
    }

    /// <summary>The inner relaxer, calling back as each batch starts.</summary>
    private sealed class CallbackRelaxer(IRelaxer inner, Action starting) : IRelaxer
    {
        public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default)
        {
            starting();
            return inner.Advance(state, maxSteps, cancellationToken);
        }
    }

    private static string Json(CampaignResult result) => JsonSerializer.Serialize(result, LaqaJsonSerializer.CreateOptions());
}
