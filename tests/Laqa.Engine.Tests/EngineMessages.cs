using Akka.Actor;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Selection;
using Laqa.Engine.Serialization;
using Laqa.Engine.Workers;
using Laqa.Search;

namespace Laqa.Engine.Tests;

/// <summary>
/// A sample of every engine message, event and snapshot state (every <see cref="ILaqaMessage"/>) at the
/// largest size a realistic campaign sends: 64 atoms, a BFGS state with its full (3N+9)² Hessian,
/// batches of 100 steps, a candidate with 1,000 steps. Numbers are random in full precision, with −0,
/// a subnormal, the largest double, infinities and NaN among them, and NaN with a payload in the arrays
/// kept as base64 (a payload that the plain number form cannot carry). Actor references point at the given actor.
/// </summary>
public static class EngineMessages
{
    public const int Atoms = 64;
    public const int StepsPerBatch = 100;
    public const int CandidateSteps = 1_000;

    private static readonly double[] Awkward = [-0.0, 5e-324, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 0.1 + 0.2];
    private static readonly double NaNWithPayload = BitConverter.Int64BitsToDouble(0x7FF8_0000_DEAD_BEEF);

    public static IReadOnlyList<ILaqaMessage> All(IActorRef actor, int seed = 1)
    {
        var random = new Random(seed);
        double Number() => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 4));
        // Arrays written as base64 keep every bit; the others (per-step numbers) are plain JSON numbers.
        double[] Numbers(int count, bool base64) => [.. Awkward, .. base64 ? [NaNWithPayload] : Array.Empty<double>(), .. Enumerable.Range(0, count).Select(_ => Number())];
        Structure Cell() => new(
            new Lattice(new Vec3(10.86 + Number(), Number(), 0), new Vec3(-0.0, 10.86 + Number(), 1e-300), new Vec3(Number(), 5e-324, 10.86)),
            Enumerable.Repeat("Si", Atoms),
            Enumerable.Range(0, Atoms).Select(i => i == 0 ? new Vec3(5e-324, 0.9999999999999999, 1.0 / 3.0) : new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble())));
        var coordinates = 3 * Atoms + 9;
        // [frame (18), Hessian (n×n), last displacement (n), last forces (n)] with n = 3N + 9, as BfgsOptimizer packs it.
        var bfgs = new RelaxationState(Cell(), new OptimizerState("bfgs", Numbers(18 + coordinates * coordinates + 2 * coordinates - Awkward.Length - 1, base64: true)), 4 * StepsPerBatch);
        RelaxationStep Step() => new(Number(), Number(), Number(), Number(), Number(), Number())
        {
            Volume = 1280 + Number(), Pressure = Number(), Forces = Numbers(3 * Atoms - Awkward.Length - 1, base64: true), Stress = Numbers(1, base64: true),
        };
        var batch = new RelaxationBatch([.. Enumerable.Range(0, StepsPerBatch).Select(_ => Step())], bfgs, RelaxationOutcome.Running);
        var failed = batch with { Outcome = RelaxationOutcome.Failed, FailureReason = "step 401: volume out of bounds (Å³)" };
        var receipt = new JobReceipt(Guid.NewGuid(), actor);
        var completed = BatchCompleted.From(4, batch, "10.0.0.7:4053");
        var snapshot = new CandidateSnapshot(17, CandidateStatus.Relaxing, Number(), Number(), Number(), Number(), 5 * StepsPerBatch, 5, Number());
        var totals = new CampaignTotals(1000, 480, 12, 3, 9544, 95440, Number(), 17);
        SelectionRecord Selection(int s) => new(s, [.. Enumerable.Range(0, 10).Select(k => new SelectedBatch(s * 10 % 997 + k, s / 10))]);
        var state = CandidateState.Empty(17).Apply(new CandidateCreated(Cell())) with
        {
            Relaxation = bfgs, NextBatch = CandidateSteps / StepsPerBatch, DispatchedBatches = CandidateSteps / StepsPerBatch + 1, EnergiesPerAtom = Numbers(CandidateSteps - Awkward.Length, base64: false),
            Status = CandidateStatus.Relaxing, MeanForceNorm = Number(), ForceChange = Number(), MeanAbsStress = Number(), Volume = Number(),
        };

        return
        [
            // Campaign.
            new CampaignStarted("3f9a0c", 1000, ["laqa.composition = Si64", "laqa.relaxer.algorithm = bfgs"], 1000, Number()),
            new CampaignPhaseChanged(CampaignPhase.Done, "every candidate is done"),
            new SubscribeToCampaign(actor), new StopCampaign(), new AbortCampaign("the first 3 candidates to fail all failed before any step with the same error"),
            new CampaignProgress(CampaignPhase.Searching, totals, new WorkerLoad(3, 8, [new NodeLoad("10.0.0.7:4053", 4, 3, 120, new DateTimeOffset(2026, 12, 6, 4, 30, 59, 123, TimeSpan.Zero)),
                new NodeLoad("10.0.0.8:4053", 4, 0, 0, new DateTimeOffset(2026, 12, 6, 5, 0, 0, 0, TimeSpan.Zero))]), new BestStructure(17, Number(), Cell())),
            new CampaignCompleted("every candidate is done", totals), new CampaignStopped(totals), new CampaignStopped(totals, "pw.x: Error in routine read_namelists (1): bad line"), new CampaignRejected("the campaign folder holds another campaign"),
            totals,
            new NodeJoined("10.0.0.7:4053", ["worker"], 8, new DateTimeOffset(2026, 12, 6, 4, 30, 59, 123, TimeSpan.Zero)),
            new NodeLeft("10.0.0.7:4053", "downed", new DateTimeOffset(2026, 12, 6, 5, 1, 2, 3, TimeSpan.Zero)),
            new JoinCampaign("laqa 1.0.0+4f2cb42"), new WorkerNodeReady(8), new JoinRefused("the worker's build differs from the campaign node's"),
            new CampaignOffer("laqa {\n  composition = Si64\n  relaxer.algorithm = bfgs\n}\n", "/srv/campaigns/si64", "3f9a0c",
                ["laqa.composition = Si64", "laqa.relaxer.algorithm = bfgs"]),
            // Candidates: commands and replies.
            new CreateCandidate(17, Cell(), receipt), new DispatchBatch(17, 5, Guid.NewGuid(), actor), new BatchResult(17, 5, batch, receipt),
            new BatchResult(18, 2, failed, receipt), new FailCandidate(17, "no result within 600 s"), new GetCandidateSnapshot(17),
            new CandidateSnapshotReply(17, snapshot), new CandidateSnapshotReply(18, null), new CandidateSnapshotReply(17, snapshot, Cell()), new GetCandidateResult(17),
            new MarkDuplicate(17, 3), new SnapshotReport(snapshot.AsDuplicateOf(3), receipt, null, Cell()),
            new SnapshotReport(snapshot, receipt), new SnapshotReport(snapshot), new SnapshotReport(snapshot, receipt, "pw.x: Error in routine cdiaghg (3): S matrix not positive definite"),
            CandidateResult.Of(state, CandidateSteps, Number()),
            // Candidates: events and snapshot state.
            new CandidateCreated(Cell()), new BatchDispatched(5), completed, new CandidateConverged(), new CandidateFailed("calculator failed: NaN"), new CandidateDuplicate(3), state,
            state.Apply(new CandidateDuplicate(3)),
            // Selection.
            new SelectionMade(Selection(7), [snapshot, CandidateSnapshot.Created(3)]), new CandidatesObserved([snapshot]),
            new SelectorSnapshot([.. Enumerable.Range(0, 100).Select(Selection)], [snapshot, CandidateSnapshot.Created(3)]),
            new StartSearch(), new DrainSearch(), new AnnounceToCampaign(), new SelectorReady(), new GenerationComplete(),
            new SearchEnded("the limit of 100000 total steps was reached"), new SearchDrained(), new GetWorkerLoad(), new WorkerLoad(3, 8, [new NodeLoad("10.0.0.7:4053", 4, 3, 120, new DateTimeOffset(2026, 12, 6, 4, 30, 59, 123, TimeSpan.Zero)),
                new NodeLoad("10.0.0.8:4053", 4, 0, 0, new DateTimeOffset(2026, 12, 6, 5, 0, 0, 0, TimeSpan.Zero))]),
            new GetSelectionHistory(), new SelectionHistory([.. Enumerable.Range(0, 100).Select(Selection)]),
            // Workers.
            new WorkerReady(actor, "3f9a0c"), new WorkerLeaving(actor), new CampaignEnded("every candidate is done"), new GenerateStructure(Guid.NewGuid(), 17), new RelaxBatch(Guid.NewGuid(), 17, 5),
            new RunBatch(Guid.NewGuid(), 17, 5, bfgs, StepsPerBatch), new BatchDeclined(Guid.NewGuid()),
            new JobFailed(Guid.NewGuid(), 17, "batch 5 failed: timed out after 600 s"),
            new JobAbandoned(Guid.NewGuid(), 17, "batch 5 failed while stopping: pw.x exited with code 1 after 1 complete steps, without JOB DONE"), new ResultSettled(Guid.NewGuid()),
        ];
    }

    /// <summary>Every concrete engine message type: what <see cref="All"/> must cover.</summary>
    public static IReadOnlySet<Type> Types => typeof(ILaqaMessage).Assembly.GetTypes()
        .Where(t => typeof(ILaqaMessage).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToHashSet();
}
