using Akka.Actor;
using Akka.Configuration;
using Laqa.Calculators.Relaxation;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Workers;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

public sealed class CandidateActorTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly FakeCampaign Campaign = new(Seed: 21, Candidates: 1, StepsPerBatch: 3);
    private readonly TempFolder _dir;

    public CandidateActorTests() : this(new TempFolder()) { }

    // The first write creates the tables: allow for a slow, busy machine.
    private CandidateActorTests(TempFolder dir) : base(ConfigurationFactory.ParseString("akka.test.single-expect-default = 30s")
        .WithFallback(EngineConfig.Serialization).WithFallback(EngineConfig.Persistence(Database(dir)))) => _dir = dir;

    private static string Database(TempFolder dir)
    {
        var file = dir.File("candidates.db");
        EngineConfig.PrepareSqlite(file);
        return file;
    }

    [Fact]
    public async Task AppliesEachBatchExactlyOnceAndRecoversTheSameStateFromItsJournalAndSnapshots()
    {
        const int id = 0;
        var settings = Campaign.Settings(workers: 1) with { SnapshotEvery = 3 };
        var selector = CreateTestProbe();
        var worker = CreateTestProbe();
        var relaxer = Campaign.Relaxer();
        var candidate = Sys.ActorOf(CandidateActor.Props(id, selector.Ref, settings));

        var creation = new JobReceipt(Guid.NewGuid(), worker.Ref);
        candidate.Tell(new CreateCandidate(id, Campaign.Model.StructureOf(id), creation));
        Assert.Equal(new SnapshotReport(CandidateSnapshot.Created(id), creation), selector.ExpectMsg<SnapshotReport>());

        RelaxationBatch? first = null;
        for (var n = 0; ; n++)
        {
            candidate.Tell(new DispatchBatch(id, n, Guid.NewGuid(), worker.Ref));
            var run = worker.ExpectMsg<RunBatch>();
            Assert.Equal((n, Campaign.StepsPerBatch), (run.BatchNumber, run.MaxSteps));
            var batch = relaxer.Advance(run.State, run.MaxSteps);
            first ??= batch;
            var receipt = new JobReceipt(run.JobId, worker.Ref);
            candidate.Tell(new BatchResult(id, n, batch, receipt));
            candidate.Tell(new BatchResult(id, n, batch, receipt));
            candidate.Tell(new BatchResult(id, n + 5, batch, receipt));
            // Applied once; the duplicate and the stray batch only report where the candidate stands, with their receipts.
            var reports = new[] { selector.ExpectMsg<SnapshotReport>(), selector.ExpectMsg<SnapshotReport>(), selector.ExpectMsg<SnapshotReport>() };
            Assert.All(reports, r => Assert.Equal((n + 1, receipt), (r.Snapshot.Batches, r.Receipt)));
            if (reports[0].Snapshot.IsTerminal) break;
        }
        // A re-dispatch of an applied batch is declined to the worker and reports where the candidate stands.
        var redispatch = Guid.NewGuid();
        candidate.Tell(new DispatchBatch(id, 0, redispatch, worker.Ref));
        Assert.Equal(new BatchDeclined(redispatch), worker.ExpectMsg<BatchDeclined>());
        Assert.Equal(CandidateStatus.Converged, selector.ExpectMsg<SnapshotReport>().Snapshot.Status);
        candidate.Tell(new BatchResult(id, 0, first!, new JobReceipt(redispatch, worker.Ref)));
        selector.ExpectMsg<SnapshotReport>();

        var before = await candidate.Ask<CandidateResult>(new GetCandidateResult(id));
        Assert.Equal(Campaign.StepsToConverge(id), before.Steps);
        Assert.Equal(Campaign.BatchesToConverge(id), before.Batches);
        Assert.Equal(Campaign.ConvergedEnergyPerAtom(id), before.EnergyPerAtom, 12);

        Watch(candidate);
        candidate.Tell(PoisonPill.Instance);
        ExpectTerminated(candidate);
        var database = _dir.File("candidates.db");
        // Snapshots are saved in the background: wait until one is there, so recovery starts from it.
        await AwaitAssertAsync(() => Assert.True(JournalReader.CountSnapshots(database, "candidate-") > 0));
        var recovered = Sys.ActorOf(CandidateActor.Props(id, selector.Ref, settings));
        var after = await recovered.Ask<CandidateResult>(new GetCandidateResult(id));

        Assert.Equal((before.Status, before.Batches, before.Steps), (after.Status, after.Batches, after.Steps));
        Assert.Equal(before.EnergiesPerAtom.Select(BitConverter.DoubleToInt64Bits), after.EnergiesPerAtom.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(before.Current!.Fractional.ToArray(), after.Current!.Fractional.ToArray());
        CandidateJournal.Read(database)[id].AssertMatches(after);
    }

    protected override void AfterAll()
    {
        base.AfterAll();
        _dir.Dispose();
    }

    [Fact]
    public async Task ARelaxingCandidateMarkedAsADuplicateJournalsItDeclinesFurtherBatchesAndRecoversIt()
    {
        const int id = 0;
        var settings = Campaign.Settings(workers: 1) with { Duplicates = DuplicateSpec.Default with { Enabled = true } };
        var selector = CreateTestProbe();
        var worker = CreateTestProbe();
        var candidate = Sys.ActorOf(CandidateActor.Props(id, selector.Ref, settings));
        candidate.Tell(new CreateCandidate(id, Campaign.Model.StructureOf(id), new JobReceipt(Guid.NewGuid(), worker.Ref)));
        // With pruning on, every report carries the current structure for the selector to compare.
        Assert.NotNull(selector.ExpectMsg<SnapshotReport>().Structure);
        candidate.Tell(new DispatchBatch(id, 0, Guid.NewGuid(), worker.Ref));
        var run = worker.ExpectMsg<RunBatch>();
        var batch = Campaign.Relaxer().Advance(run.State, run.MaxSteps);
        Assert.Equal(RelaxationOutcome.Running, batch.Outcome);
        candidate.Tell(new BatchResult(id, 0, batch, new JobReceipt(run.JobId, worker.Ref)));
        var relaxing = selector.ExpectMsg<SnapshotReport>();
        Assert.Equal(batch.Next.Structure.Lattice.Matrix, relaxing.Structure!.Lattice.Matrix);

        candidate.Tell(new MarkDuplicate(id, 7));
        Assert.Equal(relaxing.Snapshot.AsDuplicateOf(7), selector.ExpectMsg<SnapshotReport>().Snapshot);
        var declined = Guid.NewGuid();
        candidate.Tell(new DispatchBatch(id, 1, declined, worker.Ref));
        Assert.Equal(new BatchDeclined(declined), worker.ExpectMsg<BatchDeclined>());
        selector.ExpectMsg<SnapshotReport>();
        // Marked again (a restarted selector repeats it): nothing changes.
        candidate.Tell(new MarkDuplicate(id, 9));
        Assert.Equal(7, selector.ExpectMsg<SnapshotReport>().Snapshot.DuplicateOf);

        Watch(candidate);
        Sys.Stop(candidate);
        ExpectTerminated(candidate);
        var recovered = await Sys.ActorOf(CandidateActor.Props(id, selector.Ref, settings)).Ask<CandidateResult>(new GetCandidateResult(id));
        Assert.Equal((CandidateStatus.Duplicate, 7, batch.Steps.Count), (recovered.Status, recovered.DuplicateOf, recovered.Steps));
    }
}
