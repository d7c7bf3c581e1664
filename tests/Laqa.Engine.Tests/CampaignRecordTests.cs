using System.Text.Json;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.CrashHost;
using Laqa.Engine.Hosting;
using Laqa.Engine.Journal;
using Laqa.Engine.Serialization;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

public sealed class CampaignRecordTests
{
    [Fact]
    public async Task TheRecordReadFromTheJournalIsTheResultTheRunReturned()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 13, Candidates: 6, StepsPerBatch: 3);

        var result = await CampaignHost.RunAsync(campaign.Settings(workers: 2, mode: LaqaMode.Sync, nselect: 2), dir.Path, campaign.Source, campaign.Relaxer);
        var record = CampaignRecord.ReadFolder(dir.Path);

        Assert.Equal(CampaignPhase.Done, record.Phase);
        Assert.Equal(result.EndReason, record.EndReason);
        Assert.False(record.Running);
        Assert.Equal(result.Totals, record.Totals);
        Assert.Equal(Json(result.Candidates), Json(record.Results));
        Assert.Equal(result.History, record.History);
        Assert.Equal(result.Totals.Batches, record.Applied.Count);
        Assert.Equal(result.Totals.Steps, record.Applied.Sum(b => (long)b.Steps));
        Assert.Equal(campaign.Candidates, record.Applied.Count(b => b.Converged));
    }

    [Fact]
    public async Task RandomSearchWithOneWorkerFindsTheBestAfterTheStepsOfEveryCandidateUpToIt()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 3, Candidates: 7, StepsPerBatch: 4);
        var settings = campaign.Settings(workers: 1, prefetch: 0) with { Search = new SearchSpec(SearchAlgorithm.Rs, LaqaOptions.Default, 10_000) };

        var result = await CampaignHost.RunAsync(settings, dir.Path, campaign.Source, campaign.Relaxer);
        var record = CampaignRecord.ReadFolder(dir.Path);

        // With no job queued ahead, rs relaxes candidates one after the other in id order, each to convergence.
        var best = campaign.LowestMinimum();
        Assert.Equal(best, result.Totals.BestCandidate);
        Assert.Equal(Enumerable.Range(0, best + 1).Sum(campaign.StepsToConverge), record.StepsToBest);
        Assert.Equal(Enumerable.Range(0, campaign.Candidates).Sum(campaign.StepsToConverge), record.Totals.Steps);
    }

    [Fact]
    public async Task LaqaWithOneWorkerFindsTheBestAfterTheStepsOfTheBatchesSelectedUpToItsLast()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 21, Candidates: 6, StepsPerBatch: 3);

        var result = await CampaignHost.RunAsync(campaign.Settings(workers: 1), dir.Path, campaign.Source, campaign.Relaxer);
        var record = CampaignRecord.ReadFolder(dir.Path);

        // One worker applies batches in the order the policy selected them; the closed form gives each batch's steps.
        var best = result.Totals.BestCandidate!.Value;
        var lastBatch = campaign.BatchesToConverge(best) - 1;
        var order = result.History.SelectMany(r => r.Batches).ToList();
        var upTo = order.IndexOf(new SelectedBatch(best, lastBatch));
        Assert.True(upTo >= 0);
        long expected = order.Take(upTo + 1)
            .Sum(b => Math.Min(campaign.StepsPerBatch, campaign.StepsToConverge(b.CandidateId) - b.BatchNumber * campaign.StepsPerBatch));
        Assert.Equal(expected, record.StepsToBest);
        Assert.True(record.StepsToBest < record.Totals.Steps, "the best should not be the last candidate to converge here");
    }

    [Fact]
    public async Task ReadingWhileAnotherProcessRunsTheCampaignNeitherBlocksItNorSeesItHalfWay()
    {
        using var dir = new TempFolder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var options = new CrashHostOptions(dir.Path, Candidates: 6, Workers: 2, Seed: 8, Mode: LaqaMode.Async, NSelect: 3,
            StepsPerBatch: 2, MaxForce: 0.001, DelayMs: 3, MaxTotalSteps: null);

        using var child = ChildCampaign.Start(options);
        Assert.True(await child.WaitUntil(c => c.Running, timeout.Token));
        var reads = new List<CampaignRecord>();
        while (!child.HasExited && !child.Done)
        {
            reads.Add(CampaignRecord.ReadFolder(dir.Path));
            await Task.Delay(50, timeout.Token);
        }
        Assert.Equal(0, await child.WaitForExitAsync(timeout.Token));

        var during = reads.Where(r => r.Phase != CampaignPhase.Done).ToList();
        Assert.True(during.Count >= 3, $"only {during.Count} reads during the run");
        Assert.All(during, r => Assert.True(r.Running));
        Assert.Equal(reads.Select(r => r.Totals.Steps).Order(), reads.Select(r => r.Totals.Steps));
        // A consistent snapshot: a candidate's state holds exactly the batches the applied list holds.
        Assert.All(reads, r => Assert.Equal(r.Totals.Steps, r.Applied.Sum(b => (long)b.Steps)));

        var final = CampaignRecord.ReadFolder(dir.Path);
        var result = JsonSerializer.Deserialize<CampaignResult>(File.ReadAllText(Path.Combine(dir.Path, "result.json")), LaqaJsonSerializer.CreateOptions())!;
        Assert.False(final.Running);
        Assert.Equal(result.Totals, final.Totals);
        Assert.Equal(Json(result.Candidates), Json(final.Results));
    }

    [Fact]
    public void AFolderWithoutACampaignIsBadInput()
    {
        using var dir = new TempFolder();
        Assert.Contains("no campaign here", Assert.Throws<LaqaInputException>(() => CampaignRecord.ReadFolder(dir.Path)).Message);
        Assert.Contains("no such campaign folder", Assert.Throws<LaqaInputException>(() => CampaignRecord.ReadFolder(dir.File("missing"))).Message);
        File.WriteAllText(dir.File("campaign.db"), "not a database");
        Assert.Contains("not a campaign journal", Assert.Throws<LaqaInputException>(() => CampaignRecord.ReadFolder(dir.Path)).Message);
    }

    [Fact]
    public void TheRunLockIsHeldByOneHolderAtATime()
    {
        using var dir = new TempFolder();
        var database = dir.File("campaign.db");
        Assert.False(CampaignLock.IsHeld(database));
        using (CampaignLock.Acquire(database))
        {
            Assert.True(CampaignLock.IsHeld(database));
            Assert.Contains("another process", Assert.Throws<LaqaInputException>(() => CampaignLock.Acquire(database)).Message);
        }
        Assert.False(CampaignLock.IsHeld(database));
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, LaqaJsonSerializer.CreateOptions());
}
