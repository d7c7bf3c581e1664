using System.Collections.Concurrent;
using Laqa.Engine.Campaign;
using Laqa.Engine.CrashHost;
using Laqa.Engine.Hosting;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

public sealed class ProgressTests
{
    [Fact]
    public async Task ProgressReportsHowManyOfTheNodesWorkersAreBusy()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 3, Candidates: 6, StepsPerBatch: 4);
        var settings = campaign.Settings(workers: 2, mode: LaqaMode.Async);
        var loads = new ConcurrentQueue<(int Busy, int Workers)>();
        var result = await CampaignHost.RunAsync(settings, dir.Path, campaign.Source,
            () => new FakeRelaxer(campaign.Model, campaign.MaxForce, TimeSpan.FromMilliseconds(25)),
            progress => { if (progress.Workers is { } load) loads.Enqueue((load.Busy, load.Workers)); });

        Assert.True(result.Finished);
        Assert.NotEmpty(loads);
        // Workers announce themselves as they start, so the first answers may know fewer of them.
        Assert.Equal(settings.Workers, loads.Max(load => load.Workers));
        Assert.All(loads, load => Assert.InRange(load.Busy, 0, load.Workers));
        Assert.Contains(loads, load => load.Busy > 0);
    }

    [Fact]
    public async Task ProgressCarriesTheBestCandidatesStructureAsItWasAtOneOfItsAppliedSteps()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 5, Candidates: 6, StepsPerBatch: 4);
        var bests = new ConcurrentQueue<(BestStructure Best, int? BestCandidate)>();
        var result = await CampaignHost.RunAsync(campaign.Settings(workers: 2), dir.Path, campaign.Source,
            () => new FakeRelaxer(campaign.Model, campaign.MaxForce, TimeSpan.FromMilliseconds(25)),
            progress => { if (progress.Best is { } best) bests.Enqueue((best, progress.Totals.BestCandidate)); });

        Assert.True(result.Finished);
        Assert.Contains(bests, b => b.Best.Id == b.BestCandidate);
        foreach (var (best, _) in bests)
        {
            // The fake model marks each structure with its candidate; the enthalpy (at zero pressure the energy) is one the candidate's journal holds.
            Assert.Equal(best.Id, FakeModel.CandidateOf(best.Structure));
            Assert.Contains(best.EnthalpyPerAtom, result.Candidates[best.Id].EnergiesPerAtom);
        }
    }
}
