using Akka.Actor;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Candidates;

namespace Laqa.Engine.Workers;

/// <summary>
/// Runs one job at a time off the actor thread: generating a candidate's structure, or one
/// relaxation batch. Tells the selector it is ready while idle (work pulling). A result goes to
/// the candidate; a job that throws, returns non-finite numbers or runs past the batch timeout is
/// reported to the selector, which retries it or fails the candidate.
/// </summary>
public sealed class CalculatorWorker : ReceiveActor, IWithUnboundedStash
{
    private static readonly TimeSpan AnnounceInterval = TimeSpan.FromSeconds(2);

    private readonly IActorRef _selector;
    private readonly IActorRef _candidates;
    private readonly IStructureSource _source;
    private readonly Func<IRelaxer> _relaxerFactory;
    private readonly TimeSpan _timeout;
    private IRelaxer _relaxer;
    private ICancelable? _announcing;

    public CalculatorWorker(IActorRef selector, IActorRef candidates, IStructureSource source, Func<IRelaxer> relaxerFactory, TimeSpan timeout)
    {
        _selector = selector;
        _candidates = candidates;
        _source = source;
        _relaxerFactory = relaxerFactory;
        _timeout = timeout;
        _relaxer = relaxerFactory();
        Idle();
    }

    public IStash Stash { get; set; } = null!;

    public static Props Props(IActorRef selector, IActorRef candidates, IStructureSource source, Func<IRelaxer> relaxerFactory, TimeSpan timeout) =>
        Akka.Actor.Props.Create(() => new CalculatorWorker(selector, candidates, source, relaxerFactory, timeout));

    protected override void PreStart() => Announce();

    protected override void PostStop() => _announcing?.Cancel();

    private void Idle()
    {
        Receive<GenerateStructure>(Generate);
        Receive<RunBatch>(Relax);
        Receive<AnnounceTick>(_ => _selector.Tell(new WorkerReady(Self)));
    }

    private void Busy()
    {
        Receive<GenerationDone>(done =>
        {
            if (done.Outcome.Succeeded) _candidates.Tell(new CreateCandidate(done.Job.CandidateId, done.Outcome.Value!));
            else _selector.Tell(new JobFailed(done.Job.JobId, done.Job.CandidateId, $"generation failed: {done.Outcome.Failure}"));
            BecomeIdle(done.Outcome);
        });
        Receive<BatchDone>(done =>
        {
            var failure = done.Outcome.Failure ?? NonFinite(done.Outcome.Value!);
            if (failure is null) _candidates.Tell(new BatchResult(done.Job.CandidateId, done.Job.BatchNumber, done.Outcome.Value!));
            else _selector.Tell(new JobFailed(done.Job.JobId, done.Job.CandidateId, $"batch {done.Job.BatchNumber} failed: {failure}"));
            BecomeIdle(done.Outcome);
        });
        Receive<GenerateStructure>(_ => Stash.Stash());
        Receive<RunBatch>(_ => Stash.Stash());
        Receive<AnnounceTick>(_ => { });
    }

    private void Generate(GenerateStructure job)
    {
        StartBusy();
        TimedJob.Run(ct => _source.Generate(job.CandidateId, ct), _timeout)
            .PipeTo(Self, success: outcome => new GenerationDone(job, outcome));
    }

    private void Relax(RunBatch job)
    {
        StartBusy();
        var relaxer = _relaxer;
        TimedJob.Run(ct => relaxer.Advance(job.State, job.MaxSteps, ct), _timeout)
            .PipeTo(Self, success: outcome => new BatchDone(job, outcome));
    }

    private void StartBusy()
    {
        _announcing?.Cancel();
        Become(Busy);
    }

    private void BecomeIdle<T>(JobOutcome<T> outcome) where T : class
    {
        // An abandoned (timed out) job may still be using the relaxer: continue with a fresh one.
        if (outcome.Failure?.StartsWith("timed out", StringComparison.Ordinal) == true) _relaxer = _relaxerFactory();
        Become(Idle);
        Stash.UnstashAll();
        Announce();
    }

    private void Announce()
    {
        _selector.Tell(new WorkerReady(Self));
        _announcing = Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(AnnounceInterval, AnnounceInterval, Self, AnnounceTick.Instance, Self);
    }

    /// <summary>A batch that did not fail by the relaxer's own account must have finite numbers at every step.</summary>
    private static string? NonFinite(RelaxationBatch batch)
    {
        if (batch.Outcome == RelaxationOutcome.Failed) return null;
        if (batch.Steps.Count == 0) return "no steps returned";
        for (var i = 0; i < batch.Steps.Count; i++)
        {
            var s = batch.Steps[i];
            if (!double.IsFinite(s.Energy) || !double.IsFinite(s.EnergyPerAtom) || !double.IsFinite(s.MeanForceNorm) ||
                !double.IsFinite(s.MaxForce) || !double.IsFinite(s.MeanAbsStress) || !double.IsFinite(s.MaxAbsStress))
                return $"non-finite energy, force or stress at step {i + 1}";
        }
        return null;
    }

    private sealed record GenerationDone(GenerateStructure Job, JobOutcome<Structure> Outcome);

    private sealed record BatchDone(RunBatch Job, JobOutcome<RelaxationBatch> Outcome);

    private sealed class AnnounceTick
    {
        public static readonly AnnounceTick Instance = new();
    }
}
