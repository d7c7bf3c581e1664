using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Candidates;

namespace Laqa.Engine.Workers;

/// <summary>
/// Runs the jobs the selector assigns, one at a time off the actor thread and strictly in the order
/// assigned: generating a candidate's structure, or one relaxation batch, whose state it fetches
/// from the candidate as soon as the job is assigned, so a queued batch is ready to start when the
/// running one ends. Results leave one at a time: the next only once the selector has settled the
/// previous one, so the selector sees this worker's results in order and journals the selections
/// each one leads to before the next result can be applied (a resumed campaign then selects as one
/// that never stopped). A job that throws, returns non-finite numbers or runs past the batch
/// timeout is reported to the selector, which retries it or fails the candidate. An external code's
/// batch (<see cref="IExternalRelaxer"/>) runs in the work folder named after its candidate and batch. A result not
/// settled in time is delivered again, every ResendInterval until it is (a candidate applies a batch
/// once, and the selector takes a failure once): a DFT batch's result is never dropped. A job for a
/// candidate whose earlier job still waits here replaces it (the selector's retry after a deadline);
/// a batch whose state has not arrived after ResendInterval is asked for again, so a lost message costs
/// seconds, not the job's deadline. While it holds no job the worker tells the selector it is ready
/// (work pulling). Told to <see cref="HandBackJobs"/> (its node leaves the cluster), it gives its jobs
/// back to the selector, which dispatches them again at once, and stops. Which job runs next and which
/// result leaves when is <see cref="WorkerQueue"/>'s; this actor runs the jobs and sends.
/// </summary>
public sealed class CalculatorWorker : ReceiveActor
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(2);

    private readonly IActorRef _selector;
    private readonly IActorRef _candidates;
    private readonly IStructureSource _source;
    private readonly Func<IRelaxer> _relaxerFactory;
    private readonly WorkerOptions _options;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly WorkerQueue _queue;
    private IRelaxer _relaxer;
    private ICancelable? _ticking;
    // Cancels the running job when the worker stops (a shutdown abandoning batches in flight).
    private readonly CancellationTokenSource _stopping = new();

    public CalculatorWorker(IActorRef selector, IActorRef candidates, IStructureSource source, Func<IRelaxer> relaxerFactory, WorkerOptions options)
    {
        _selector = selector;
        _candidates = candidates;
        _source = source;
        _relaxerFactory = relaxerFactory;
        _options = options;
        _relaxer = relaxerFactory();
        _queue = new WorkerQueue(options.ResendInterval);

        Receive<GenerateStructure>(job =>
        {
            _queue.Assign(job);
            StartNext();
        });
        Receive<RelaxBatch>(job =>
        {
            _queue.Assign(job, NowMs);
            RequestState(job);
            StartNext();
        });
        Receive<RunBatch>(run =>
        {
            _queue.StateArrived(run);
            StartNext();
        });
        Receive<BatchDeclined>(declined =>
        {
            _queue.Declined(declined.JobId);
            StartNext();
        });
        Receive<GenerationDone>(done => OnFinished(done.Outcome.TimedOut, new FinishedJob(done.Job.JobId, done.Job.CandidateId,
            done.Outcome.Failure is null ? new CreateCandidate(done.Job.CandidateId, done.Outcome.Value!.Structure, new JobReceipt(done.Job.JobId, Self), done.Outcome.Value.GeneratedSpaceGroup) : null,
            $"generation failed: {done.Outcome.Failure}")));
        Receive<BatchDone>(done =>
        {
            var failure = done.Outcome.Failure ?? BatchCheck.NonFinite(done.Outcome.Value!);
            // A batch system's stop signals every process of the job, the calculator's too: a batch failing now is given back.
            var failed = failure ?? (done.Outcome.Value!.Outcome == RelaxationOutcome.Failed ? done.Outcome.Value.FailureReason ?? "failed" : null);
            if (_options.Stopping.IsCancellationRequested && failed is { } reason)
            {
                OnFinished(done.Outcome.TimedOut, new FinishedJob(done.Job.JobId, done.Job.CandidateId, null, $"batch {done.Job.BatchNumber} failed while stopping: {reason}", Abandoned: true));
                return;
            }
            OnFinished(done.Outcome.TimedOut, new FinishedJob(done.Job.JobId, done.Job.CandidateId,
                failure is null ? new BatchResult(done.Job.CandidateId, done.Job.BatchNumber, AsKept(done.Outcome.Value!), new JobReceipt(done.Job.JobId, Self)) : null,
                $"batch {done.Job.BatchNumber} failed: {failure}"));
        });
        Receive<ResultSettled>(settled => SendIfAny(_queue.Settled(settled.JobId, NowMs)));
        Receive<Tick>(_ => OnTick());
        Receive<HandBackJobs>(_ =>
        {
            // Finished results go first (a candidate applies a batch once): only what did not finish runs again elsewhere.
            foreach (var finished in _queue.HandBack()) Send(finished);
            _selector.Tell(new WorkerLeaving(Self));
            Sender.Tell(new JobsHandedBack());
            Context.Stop(Self);
        });
        Receive<CampaignEnded>(ended => Context.System.EventStream.Publish(ended));
    }

    public static Props Props(IActorRef selector, IActorRef candidates, IStructureSource source, Func<IRelaxer> relaxerFactory, WorkerOptions options) =>
        Akka.Actor.Props.Create(() => new CalculatorWorker(selector, candidates, source, relaxerFactory, options));

    protected override void PreStart()
    {
        _selector.Tell(Ready);
        _ticking = Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(TickInterval, TickInterval, Self, Tick.Instance, Self);
    }

    protected override void PostStop()
    {
        _ticking?.Cancel();
        _stopping.Cancel();
    }

    // A restart keeps the running job going (its result reaches the new incarnation); only a stop abandons it.
    protected override void PreRestart(Exception reason, object message) => _ticking?.Cancel();

    private static long NowMs => Environment.TickCount64;

    /// <summary>The batch as its candidate keeps it: each step's forces and stress tensor, most of a batch's bytes, do not travel.</summary>
    private static RelaxationBatch AsKept(RelaxationBatch batch) => batch with { Steps = [.. batch.Steps.Select(s => s with { Forces = [], Stress = [] })] };

    /// <summary>Asks the candidate for the batch; it answers a repeated request as the first.</summary>
    private void RequestState(RelaxBatch job) => _candidates.Tell(new DispatchBatch(job.CandidateId, job.BatchNumber, job.JobId, Self));

    private void StartNext()
    {
        if (_options.Stopping.IsCancellationRequested)
        {
            // No new batch starts once the node has its stop signal: the jobs waiting go back to the selector unrun.
            if (!_queue.IsRunning) SendIfAny(_queue.GiveBackWaiting(NowMs));
            return;
        }
        if (!_queue.TryStart(out var generate, out var run)) return;
        if (generate is not null)
        {
            TimedJob.Run(ct => _source.Generate(generate.CandidateId, ct), _options.BatchTimeout, _stopping.Token)
                .PipeTo(Self, success: outcome => new GenerationDone(generate, outcome));
            return;
        }
        var relaxer = _relaxer;
        TimedJob.Run(ct => relaxer is IExternalRelaxer external
                ? external.Advance(run!.State, run.MaxSteps, new BatchLabel(run.CandidateId.ToString(CultureInfo.InvariantCulture), run.BatchNumber), ct)
                : relaxer.Advance(run!.State, run.MaxSteps, ct), _options.BatchTimeout, _stopping.Token)
            .PipeTo(Self, success: outcome => new BatchDone(run!, outcome));
    }

    private void OnFinished(bool timedOut, FinishedJob finished)
    {
        // An abandoned (timed out) job may still be using the relaxer: continue with a fresh one.
        if (timedOut) _relaxer = _relaxerFactory();
        SendIfAny(_queue.Finish(finished, NowMs));
        StartNext();
    }

    private void SendIfAny(FinishedJob? finished)
    {
        if (finished is not null) Send(finished);
    }

    private void Send(FinishedJob finished)
    {
        if (finished.Result is { } result) _candidates.Tell(result);
        else if (finished.Abandoned) _selector.Tell(new JobAbandoned(finished.JobId, finished.CandidateId, finished.FailureReport));
        else _selector.Tell(new JobFailed(finished.JobId, finished.CandidateId, finished.FailureReport));
    }

    private void OnTick()
    {
        if (!_queue.IsRunning && _options.Stopping.IsCancellationRequested) SendIfAny(_queue.GiveBackWaiting(NowMs));
        var (resend, askAgain) = _queue.Due(NowMs);
        if (resend is not null)
        {
            _log.Warning("worker: result of job {0} for candidate {1} not settled within {2}; delivering it again", resend.JobId, resend.CandidateId, _options.ResendInterval);
            Send(resend);
        }
        if (askAgain is not null)
        {
            _log.Warning("worker: no state for batch {0} of candidate {1} within {2}; asking again", askAgain.BatchNumber, askAgain.CandidateId, _options.ResendInterval);
            RequestState(askAgain);
        }
        // A stopping node takes no more work: asking would only have it given back again.
        if (_queue.HoldsNothing && !_options.Stopping.IsCancellationRequested) _selector.Tell(Ready);
    }

    private WorkerReady Ready => new(Self, _options.Fingerprint);

    private sealed record GenerationDone(GenerateStructure Job, JobOutcome<InitialStructure> Outcome);

    private sealed record BatchDone(RunBatch Job, JobOutcome<RelaxationBatch> Outcome);

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
