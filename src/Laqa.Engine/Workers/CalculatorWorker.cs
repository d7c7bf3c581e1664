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
/// back to the selector, which dispatches them again at once, and stops.
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
    private readonly List<object> _assigned = [];
    private readonly Dictionary<Guid, RunBatch> _fetched = [];
    private readonly Dictionary<Guid, long> _requestedAtMs = [];
    private readonly Queue<Finished> _finished = new();
    private IRelaxer _relaxer;
    private bool _running;
    private Finished? _unsettled;
    private long _deliveredAtMs;
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

        Receive<GenerateStructure>(job =>
        {
            DropWaitingJobOf(job.CandidateId);
            Assign(job);
        });
        Receive<RelaxBatch>(job =>
        {
            DropWaitingJobOf(job.CandidateId);
            RequestState(job);
            Assign(job);
        });
        Receive<RunBatch>(run =>
        {
            if (_assigned.OfType<RelaxBatch>().Any(j => j.JobId == run.JobId)) _fetched[run.JobId] = run;
            StartNext();
        });
        Receive<BatchDeclined>(declined =>
        {
            _assigned.RemoveAll(j => j is RelaxBatch b && b.JobId == declined.JobId);
            _requestedAtMs.Remove(declined.JobId);
            StartNext();
        });
        Receive<GenerationDone>(done => OnFinished(done.Job.JobId, done.Job.CandidateId, done.Outcome.Failure,
            done.Outcome.Failure is null ? new CreateCandidate(done.Job.CandidateId, done.Outcome.Value!.Structure, new JobReceipt(done.Job.JobId, Self), done.Outcome.Value.GeneratedSpaceGroup) : null,
            $"generation failed: {done.Outcome.Failure}"));
        Receive<BatchDone>(done =>
        {
            var failure = done.Outcome.Failure ?? BatchCheck.NonFinite(done.Outcome.Value!);
            // A batch system's stop signals every process of the job, the calculator's too: a batch failing now is given back.
            var failed = failure ?? (done.Outcome.Value!.Outcome == RelaxationOutcome.Failed ? done.Outcome.Value.FailureReason ?? "failed" : null);
            if (_options.Stopping.IsCancellationRequested && failed is { } reason)
            {
                OnFinished(done.Job.JobId, done.Job.CandidateId, reason, null, $"batch {done.Job.BatchNumber} failed while stopping: {reason}", abandoned: true);
                return;
            }
            OnFinished(done.Job.JobId, done.Job.CandidateId, failure,
                failure is null ? new BatchResult(done.Job.CandidateId, done.Job.BatchNumber, AsKept(done.Outcome.Value!), new JobReceipt(done.Job.JobId, Self)) : null,
                $"batch {done.Job.BatchNumber} failed: {failure}");
        });
        Receive<ResultSettled>(settled =>
        {
            if (_unsettled?.JobId != settled.JobId) return;
            _unsettled = null;
            Deliver();
        });
        Receive<Tick>(_ => OnTick());
        Receive<HandBackJobs>(_ =>
        {
            // Finished results go first (a candidate applies a batch once): only what did not finish runs again elsewhere.
            if (_unsettled is { } unsettled) Send(unsettled);
            while (_finished.TryDequeue(out var finished)) Send(finished);
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

    private bool HoldsNothing => !_running && _assigned.Count == 0 && _finished.Count == 0 && _unsettled is null;

    private void Assign(object job)
    {
        _assigned.Add(job);
        StartNext();
    }

    /// <summary>The selector holds one job per candidate: a new one means the one still waiting here was given up.</summary>
    private void DropWaitingJobOf(int candidateId)
    {
        for (var i = _assigned.Count - 1; i >= 0; i--)
        {
            if (CandidateOf(_assigned[i]) != candidateId) continue;
            if (_assigned[i] is RelaxBatch batch)
            {
                _fetched.Remove(batch.JobId);
                _requestedAtMs.Remove(batch.JobId);
            }
            _assigned.RemoveAt(i);
        }
    }

    private static int CandidateOf(object job) => job switch
    {
        GenerateStructure g => g.CandidateId,
        RelaxBatch b => b.CandidateId,
        _ => throw new ArgumentOutOfRangeException(nameof(job), job, "unknown job"),
    };

    /// <summary>Asks the candidate for the batch; it answers a repeated request as the first.</summary>
    private void RequestState(RelaxBatch job)
    {
        _requestedAtMs[job.JobId] = NowMs;
        _candidates.Tell(new DispatchBatch(job.CandidateId, job.BatchNumber, job.JobId, Self));
    }

    /// <summary>The first assigned job, once its batch state has arrived; later jobs wait for it.</summary>
    private void StartNext()
    {
        if (_running || _assigned.Count == 0) return;
        if (_options.Stopping.IsCancellationRequested)
        {
            GiveBackWaiting();
            return;
        }
        switch (_assigned[0])
        {
            case GenerateStructure generate:
                _assigned.RemoveAt(0);
                _running = true;
                TimedJob.Run(ct => _source.Generate(generate.CandidateId, ct), _options.BatchTimeout, _stopping.Token)
                    .PipeTo(Self, success: outcome => new GenerationDone(generate, outcome));
                break;
            case RelaxBatch batch when _fetched.Remove(batch.JobId, out var run):
                _assigned.RemoveAt(0);
                _requestedAtMs.Remove(batch.JobId);
                _running = true;
                var relaxer = _relaxer;
                TimedJob.Run(ct => relaxer is IExternalRelaxer external
                        ? external.Advance(run.State, run.MaxSteps, new BatchLabel(run.CandidateId.ToString(CultureInfo.InvariantCulture), run.BatchNumber), ct)
                        : relaxer.Advance(run.State, run.MaxSteps, ct), _options.BatchTimeout, _stopping.Token)
                    .PipeTo(Self, success: outcome => new BatchDone(run, outcome));
                break;
        }
    }

    /// <summary>The node is stopping: no new batch starts here, and the jobs waiting go back to the selector unrun.</summary>
    private void GiveBackWaiting()
    {
        foreach (var job in _assigned)
        {
            if (job is RelaxBatch batch)
            {
                _fetched.Remove(batch.JobId);
                _requestedAtMs.Remove(batch.JobId);
            }
            _finished.Enqueue(new Finished(JobIdOf(job), CandidateOf(job), null, "not started: the node is stopping", Abandoned: true));
        }
        _assigned.Clear();
        Deliver();
    }

    private static Guid JobIdOf(object job) => job switch
    {
        GenerateStructure g => g.JobId,
        RelaxBatch b => b.JobId,
        _ => throw new ArgumentOutOfRangeException(nameof(job), job, "unknown job"),
    };

    private void OnFinished(Guid jobId, int candidateId, string? failure, ICandidateCommand? result, string failureReport, bool abandoned = false)
    {
        _running = false;
        // An abandoned (timed out) job may still be using the relaxer: continue with a fresh one.
        if (failure?.StartsWith("timed out", StringComparison.Ordinal) == true) _relaxer = _relaxerFactory();
        _finished.Enqueue(new Finished(jobId, candidateId, result, failureReport, abandoned));
        Deliver();
        StartNext();
    }

    private void Deliver()
    {
        if (_unsettled is not null || !_finished.TryDequeue(out var next)) return;
        _unsettled = next;
        Send(next);
    }

    private void Send(Finished finished)
    {
        _deliveredAtMs = NowMs;
        if (finished.Result is { } result) _candidates.Tell(result);
        else if (finished.Abandoned) _selector.Tell(new JobAbandoned(finished.JobId, finished.CandidateId, finished.FailureReport));
        else _selector.Tell(new JobFailed(finished.JobId, finished.CandidateId, finished.FailureReport));
    }

    private void OnTick()
    {
        var resendAfterMs = _options.ResendInterval.TotalMilliseconds;
        if (_unsettled is { } unsettled && NowMs - _deliveredAtMs > resendAfterMs)
        {
            _log.Warning("worker: result of job {0} for candidate {1} not settled within {2}; delivering it again", unsettled.JobId, unsettled.CandidateId, _options.ResendInterval);
            Send(unsettled);
        }
        if (!_running && _options.Stopping.IsCancellationRequested) GiveBackWaiting();
        if (!_running && _assigned.FirstOrDefault() is RelaxBatch waiting && NowMs - _requestedAtMs[waiting.JobId] > resendAfterMs)
        {
            _log.Warning("worker: no state for batch {0} of candidate {1} within {2}; asking again", waiting.BatchNumber, waiting.CandidateId, _options.ResendInterval);
            RequestState(waiting);
        }
        if (HoldsNothing) _selector.Tell(Ready);
    }

    private WorkerReady Ready => new(Self, _options.Fingerprint);

    /// <summary>A job's end: the message for its candidate, or (Result null) the failure to report to the selector, or the job to give back.</summary>
    private sealed record Finished(Guid JobId, int CandidateId, ICandidateCommand? Result, string FailureReport, bool Abandoned = false);

    private sealed record GenerationDone(GenerateStructure Job, JobOutcome<InitialStructure> Outcome);

    private sealed record BatchDone(RunBatch Job, JobOutcome<RelaxationBatch> Outcome);

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
