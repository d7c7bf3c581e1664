using Akka.Actor;
using Laqa.Engine.Campaign;
using Laqa.Engine.CrashHost;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Selection;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>A node whose selector stops in the middle of a campaign, as a persistent actor does when a journal write fails.</summary>
public sealed class SingletonRestartTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly FakeCampaign Campaign = new(Seed: 5, Candidates: 8, StepsPerBatch: 2, MaxForce: 0.001);
    private readonly TempFolder _dir;

    public SingletonRestartTests() : this(new TempFolder()) { }

    private SingletonRestartTests(TempFolder dir) : base(EngineConfig.Setup(Database(dir)), EngineConfig.SystemName) => _dir = dir;

    private static string Database(TempFolder dir)
    {
        var file = dir.File("restarted.db");
        EngineConfig.PrepareSqlite(file);
        return file;
    }

    /// <summary>
    /// In sync mode the whole selection history equals the uninterrupted run's. In async mode a selection
    /// depends on what is in flight when a worker has room: the worker goes on with the batches it holds
    /// while the selector is away, so the selections made after the restart may come in another order
    /// (the uninterrupted run chose with those batches still running); the history up to the stop, the
    /// set of batches selected and every candidate's result are the same.
    /// </summary>
    [Theory]
    [InlineData(LaqaMode.Sync)]
    [InlineData(LaqaMode.Async)]
    public async Task ASelectorThatStopsMidCampaignIsStartedAgainAndTheCampaignEndsAsOneThatRanThrough(LaqaMode mode)
    {
        var settings = Campaign.Settings(workers: 1, mode: mode);
        var through = await CampaignHost.RunAsync(settings, _dir.File("through"), Campaign.Source, SlowRelaxer);

        var node = await EngineNode.StartAsync(Sys, settings, Campaign.Source, SlowRelaxer);
        node.Campaign.Tell(new SubscribeToCampaign(TestActor));
        FishForMessage(m => m is CampaignProgress { Totals.Batches: >= 10 }, TimeSpan.FromSeconds(60));
        var stopped = await SelectorIncarnation();
        var beforeStop = await stopped.Ask<SelectionHistory>(new GetSelectionHistory(), TimeSpan.FromSeconds(30));
        Watch(stopped);
        stopped.Tell(PoisonPill.Instance);
        FishForMessage(m => m is Terminated t && t.ActorRef.Equals(stopped));

        var completed = (CampaignCompleted)FishForMessage(m => m is CampaignCompleted, TimeSpan.FromSeconds(90));
        Assert.NotEqual(stopped, await SelectorIncarnation());
        Assert.Equal(through.EndReason, completed.Reason);
        var history = await node.Selector.Ask<SelectionHistory>(new GetSelectionHistory(), TimeSpan.FromSeconds(30));
        if (mode == LaqaMode.Sync) Assert.Equal(through.History, history.Records);
        else
        {
            Assert.Equal(beforeStop.Records, through.History.Take<SelectionRecord>(beforeStop.Records.Length));
            Assert.Equal(beforeStop.Records, history.Records[..beforeStop.Records.Length]);
            Assert.Equal(Picks(through.History), Picks(history.Records));
        }
        foreach (var expected in through.Candidates)
        {
            var actual = await node.Candidates.Ask<CandidateResult>(new GetCandidateResult(expected.Id), TimeSpan.FromSeconds(30));
            Assert.Equal((expected.Status, expected.Batches, expected.Steps), (actual.Status, actual.Batches, actual.Steps));
            Assert.Equal(expected.EnergiesPerAtom.Select(BitConverter.DoubleToInt64Bits), actual.EnergiesPerAtom.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    private static IEnumerable<SelectedBatch> Picks(IEnumerable<SelectionRecord> history) =>
        history.SelectMany(r => r.Batches).OrderBy(b => b.CandidateId).ThenBy(b => b.BatchNumber);

    /// <summary>Batches that take a few milliseconds, so that the selector stops while there is work left.</summary>
    private static FakeRelaxer SlowRelaxer() => new(Campaign.Model, Campaign.MaxForce, TimeSpan.FromMilliseconds(3));

    /// <summary>The selector itself, under the singleton's back-off supervisor.</summary>
    private Task<IActorRef> SelectorIncarnation() =>
        Sys.ActorSelection($"/user/{SelectorActor.Id}/singleton/{SelectorActor.Id}").ResolveOne(TimeSpan.FromSeconds(10));

    protected override void AfterAll()
    {
        base.AfterAll();
        _dir.Dispose();
    }
}
