using Akka.Actor;
using Akka.Configuration;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Selection;
using Laqa.Engine.Workers;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>The selector alone, with test probes as candidates, campaign and workers.</summary>
public sealed class SelectorActorTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly TempFolder _dir;

    public SelectorActorTests() : this(new TempFolder()) { }

    private SelectorActorTests(TempFolder dir) : base(ConfigurationFactory.ParseString("akka.test.single-expect-default = 30s")
        .WithFallback(EngineConfig.Serialization).WithFallback(EngineConfig.Persistence(Database(dir)))) => _dir = dir;

    private static string Database(TempFolder dir)
    {
        var file = dir.File("selector.db");
        EngineConfig.PrepareSqlite(file);
        return file;
    }

    /// <summary>A selector that asked every candidate where it stands on start (none exists yet) and was told to search.</summary>
    private (IActorRef Selector, Akka.TestKit.TestProbe Candidates, Akka.TestKit.TestProbe Campaign) SearchingSelectorOfNewCandidates(EngineSettings settings)
    {
        var candidates = CreateTestProbe();
        var campaign = CreateTestProbe();
        var selector = Sys.ActorOf(SelectorActor.Props(settings, candidates.Ref, campaign.Ref));
        for (var i = 0; i < settings.CandidateCount; i++)
        {
            var ask = candidates.ExpectMsg<GetCandidateSnapshot>();
            candidates.Reply(new CandidateSnapshotReply(ask.CandidateId, null));
        }
        campaign.FishForMessage(m => m is SelectorReady);
        selector.Tell(new StartSearch());
        return (selector, candidates, campaign);
    }

    [Fact]
    public void AWorkerThatLeavesHandsItsJobBackAtOnceWithoutCountingItAndAWorkerOfAnotherCampaignGetsNone()
    {
        var settings = new FakeCampaign(Seed: 1, Candidates: 2, StepsPerBatch: 2).Settings(workers: 2, maxRetries: 0, prefetch: 0);
        var (selector, candidates, _) = SearchingSelectorOfNewCandidates(settings);

        var stranger = CreateTestProbe();
        selector.Tell(new WorkerReady(stranger.Ref, "fingerprint of another campaign"));
        var leaving = CreateTestProbe();
        selector.Tell(new WorkerReady(leaving.Ref, settings.Fingerprint));
        Assert.Equal(0, leaving.ExpectMsg<GenerateStructure>().CandidateId);
        var staying = CreateTestProbe();
        selector.Tell(new WorkerReady(staying.Ref, settings.Fingerprint));
        Assert.Equal(1, staying.ExpectMsg<GenerateStructure>().CandidateId);

        // With no retries allowed, a counted loss would fail candidate 0; its job goes to the next free worker instead.
        selector.Tell(new WorkerLeaving(leaving.Ref));
        selector.Tell(new SnapshotReport(CandidateSnapshot.Created(1)));
        Assert.Equal(0, staying.ExpectMsg<GenerateStructure>().CandidateId);
        candidates.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        stranger.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        leaving.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task HandsWorkToIdleWorkersReDispatchesALostJobWithoutCountingItFailsACandidateAfterItsRetriesAndRemembersItsSelections()
    {
        var settings = new FakeCampaign(Seed: 1, Candidates: 2, StepsPerBatch: 2).Settings(workers: 2, maxRetries: 1, prefetch: 0);
        var (selector, candidates, campaign) = SearchingSelectorOfNewCandidates(settings);

        var workerA = CreateTestProbe();
        var workerB = CreateTestProbe();
        selector.Tell(new WorkerReady(workerA.Ref, settings.Fingerprint));
        Assert.Equal(0, workerA.ExpectMsg<GenerateStructure>().CandidateId);
        selector.Tell(new WorkerReady(workerB.Ref, settings.Fingerprint));
        Assert.Equal(1, workerB.ExpectMsg<GenerateStructure>().CandidateId);

        // Worker A dies with its job: the job waits for the next free worker. (The selector handles
        // A's termination, a system message, before the ask that follows it.)
        Watch(workerA.Ref);
        Sys.Stop(workerA.Ref);
        ExpectTerminated(workerA.Ref);
        await selector.Ask<SelectionHistory>(new GetSelectionHistory());
        selector.Tell(new SnapshotReport(CandidateSnapshot.Created(1)));
        var again = workerB.ExpectMsg<GenerateStructure>();
        Assert.Equal(0, again.CandidateId);

        // A lost worker is not the job's attempt: it fails, and is retried once more.
        selector.Tell(new JobFailed(again.JobId, 0, "generation failed: no structure fits"), workerB.Ref);
        var retry = workerB.ExpectMsg<GenerateStructure>();
        Assert.Equal(0, retry.CandidateId);

        // Its second attempt fails too: with one retry allowed, the candidate fails.
        selector.Tell(new JobFailed(retry.JobId, 0, "generation failed: no structure fits"), workerB.Ref);
        var fail = candidates.ExpectMsg<FailCandidate>();
        Assert.Equal((0, "generation failed: no structure fits"), (fail.CandidateId, fail.Reason));
        selector.Tell(new SnapshotReport(new CandidateSnapshot(0, CandidateStatus.Failed, 0, 0, 1, 0, 0, 0)));

        // Generation done: the policy's first selection goes to the free worker.
        var batch = (RelaxBatch)workerB.FishForMessage(m => m is RelaxBatch);
        Assert.Equal((1, 0), (batch.CandidateId, batch.BatchNumber));
        selector.Tell(new SnapshotReport(new CandidateSnapshot(1, CandidateStatus.Converged, -3.1, 0.001, 0.5, 0.0001, 2, 1)));
        Assert.Equal("every candidate is done", ((SearchEnded)campaign.FishForMessage(m => m is SearchEnded)).Reason);

        var history = (await selector.Ask<SelectionHistory>(new GetSelectionHistory())).Records;
        Assert.Equal([new SelectedBatch(1, 0)], history.SelectMany(r => r.Batches));

        // A new incarnation restores the persisted selections before anything else.
        Watch(selector);
        Sys.Stop(selector);
        ExpectTerminated(selector);
        var restarted = Sys.ActorOf(SelectorActor.Props(settings, candidates.Ref, campaign.Ref));
        Assert.Equal(history, (await restarted.Ask<SelectionHistory>(new GetSelectionHistory())).Records);
    }

    [Fact]
    public async Task KeepsAJobQueuedPerWorkerSettlesEachResultAndOnRestartAsksOnlyTheCandidatesItMayHaveMissed()
    {
        var settings = new FakeCampaign(Seed: 1, Candidates: 4, StepsPerBatch: 2).Settings(workers: 1, prefetch: 1);
        var candidates = CreateTestProbe();
        var campaign = CreateTestProbe();
        var selector = Sys.ActorOf(SelectorActor.Props(settings, candidates.Ref, campaign.Ref));
        for (var i = 0; i < 4; i++)
        {
            var ask = candidates.ExpectMsg<GetCandidateSnapshot>();
            candidates.Reply(new CandidateSnapshotReply(ask.CandidateId, CandidateSnapshot.Created(ask.CandidateId)));
        }
        campaign.FishForMessage(m => m is SelectorReady);
        selector.Tell(new StartSearch());

        // laqa-async, every score +inf before a first batch: ties by id. The worker gets the job it runs and one queued.
        var worker = CreateTestProbe();
        selector.Tell(new WorkerReady(worker.Ref, settings.Fingerprint));
        var first = worker.ExpectMsg<RelaxBatch>();
        var second = worker.ExpectMsg<RelaxBatch>();
        Assert.Equal((0, 1), (first.CandidateId, second.CandidateId));
        worker.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        // The first result frees one place: the next candidate is taken, and the result is settled.
        selector.Tell(new SnapshotReport(new CandidateSnapshot(0, CandidateStatus.Relaxing, -3.0, 0.5, 0.1, 0.01, 2, 1), new JobReceipt(first.JobId, worker.Ref)));
        var replies = worker.ReceiveN(2);
        Assert.Equal(first.JobId, Assert.Single(replies.OfType<ResultSettled>()).JobId);
        Assert.Equal(2, Assert.Single(replies.OfType<RelaxBatch>()).CandidateId);
        worker.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        var history = (await selector.Ask<SelectionHistory>(new GetSelectionHistory())).Records;

        // The journal holds the three selections and what was observed before them: a new incarnation
        // asks only candidates 1 and 2 (selected, not seen applied), not 0 (applied) or 3 (never selected).
        Watch(selector);
        Sys.Stop(selector);
        ExpectTerminated(selector);
        var restarted = Sys.ActorOf(SelectorActor.Props(settings, candidates.Ref, campaign.Ref));
        var asked = new[] { candidates.ExpectMsg<GetCandidateSnapshot>(), candidates.ExpectMsg<GetCandidateSnapshot>() };
        Assert.Equal([1, 2], asked.Select(a => a.CandidateId).Order());
        candidates.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(history, (await restarted.Ask<SelectionHistory>(new GetSelectionHistory())).Records);
    }

    protected override void AfterAll()
    {
        base.AfterAll();
        _dir.Dispose();
    }

    private static readonly Crystal.Vec3[] Fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];

    private static Crystal.Structure Diamond() =>
        new(Crystal.Lattice.Cubic(5.431), Enumerable.Repeat("Si", 8), Fcc.Concat(Fcc.Select(f => f + new Crystal.Vec3(0.25, 0.25, 0.25))));

    /// <summary>Diamond's primitive cell: the same crystal in another cell.</summary>
    private static Crystal.Structure DiamondPrimitive()
    {
        const double h = 5.431 / 2;
        return new(new Crystal.Lattice(new Crystal.Vec3(0, h, h), new Crystal.Vec3(h, 0, h), new Crystal.Vec3(h, h, 0)), ["Si", "Si"],
            [new Crystal.Vec3(0.25, 0.25, 0.25), new Crystal.Vec3(0, 0, 0)]);
    }

    /// <summary>Hexagonal diamond: diamond's bonds and, under Tersoff, its energy, but another crystal.</summary>
    private static Crystal.Structure Lonsdaleite()
    {
        var a = 5.431 / Math.Sqrt(2);
        return new(Crystal.Lattice.FromParameters(a, a, a * Math.Sqrt(8.0 / 3), 90, 90, 120), Enumerable.Repeat("Si", 4),
            [new Crystal.Vec3(1.0 / 3, 2.0 / 3, 1.0 / 16), new Crystal.Vec3(2.0 / 3, 1.0 / 3, 9.0 / 16), new Crystal.Vec3(2.0 / 3, 1.0 / 3, 15.0 / 16), new Crystal.Vec3(1.0 / 3, 2.0 / 3, 7.0 / 16)]);
    }

    [Fact]
    public async Task StopsARelaxingCandidateThatMatchesAConvergedOneAndAfterARestartTakesTheReferencesAgainAndRepeatsTheStop()
    {
        var settings = new FakeCampaign(Seed: 1, Candidates: 3, StepsPerBatch: 2).Settings(workers: 1, prefetch: 0) with
        {
            Duplicates = DuplicateSpec.Default with { Enabled = true },
            SelectorSnapshotEvery = 1_000,
        };
        var (selector, candidates, campaign) = SearchingSelectorOfNewCandidates(settings);
        var converged = new CandidateSnapshot(0, CandidateStatus.Converged, -4.6297, 0.01, 0.1, 0.0001, 20, 4);
        selector.Tell(new SnapshotReport(converged, Structure: Diamond()));
        selector.Tell(new SnapshotReport(new CandidateSnapshot(2, CandidateStatus.Relaxing, -4.6297, 0.3, 0.1, 0.001, 10, 2), Structure: Lonsdaleite()));
        var relaxing = new CandidateSnapshot(1, CandidateStatus.Relaxing, -4.6293, 0.3, 0.1, 0.001, 10, 2);
        selector.Tell(new SnapshotReport(relaxing, Structure: DiamondPrimitive()));

        Assert.Equal(new MarkDuplicate(1, 0), candidates.FishForMessage(m => m is MarkDuplicate));
        Assert.Equal(relaxing.AsDuplicateOf(0),
            ((SnapshotReport)campaign.FishForMessage(m => m is SnapshotReport { Snapshot.Id: 1 })).Snapshot);
        candidates.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        // The candidate's own report of the stop changes nothing.
        selector.Tell(new SnapshotReport(relaxing.AsDuplicateOf(0), Structure: DiamondPrimitive()));
        candidates.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        // Observations are journalled on a quiet tick; a new incarnation asks the converged candidate for its structure
        // and tells the duplicate again (harmless if it had already journalled the stop).
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Watch(selector);
        Sys.Stop(selector);
        ExpectTerminated(selector);
        Sys.ActorOf(SelectorActor.Props(settings, candidates.Ref, campaign.Ref));
        var asked = new HashSet<int>();
        var marked = new List<MarkDuplicate>();
        candidates.ReceiveWhile(TimeSpan.FromSeconds(3), m =>
        {
            if (m is GetCandidateSnapshot ask) asked.Add(ask.CandidateId);
            if (m is MarkDuplicate mark) marked.Add(mark);
            return m;
        });
        Assert.Contains(0, asked);
        Assert.Equal([new MarkDuplicate(1, 0)], marked);
    }
}
