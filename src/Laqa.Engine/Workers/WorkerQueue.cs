namespace Laqa.Engine.Workers;

/// <summary>
/// A worker's jobs as plain state, with no messages: the jobs assigned in order, the batch states that
/// have arrived, the one job running, and the finished results, delivered one at a time (the next only
/// once the selector has settled the previous one). <see cref="CalculatorWorker"/> runs the jobs and
/// sends what this class says; times are milliseconds of a monotonic clock the caller supplies.
/// </summary>
public sealed class WorkerQueue(TimeSpan resendInterval)
{
    private readonly List<IWorkerJob> _assigned = [];
    private readonly Dictionary<Guid, RunBatch> _fetched = [];
    private readonly Dictionary<Guid, long> _requestedAtMs = [];
    private readonly Queue<FinishedJob> _finished = new();
    private long _deliveredAtMs;

    public bool IsRunning { get; private set; }

    /// <summary>The result delivered and not yet settled by the selector.</summary>
    public FinishedJob? Unsettled { get; private set; }

    /// <summary>No job assigned, running or finished and undelivered: the worker can ask for work.</summary>
    public bool HoldsNothing => !IsRunning && _assigned.Count == 0 && _finished.Count == 0 && Unsettled is null;

    /// <summary>Takes a generation job; one still waiting here for the same candidate was given up by the selector and is dropped.</summary>
    public void Assign(GenerateStructure job)
    {
        DropWaitingJobOf(job.CandidateId);
        _assigned.Add(job);
    }

    /// <summary>Takes a batch job whose state the caller asks its candidate for now; replaces a job of the same candidate still waiting.</summary>
    public void Assign(RelaxBatch job, long nowMs)
    {
        DropWaitingJobOf(job.CandidateId);
        _assigned.Add(job);
        _requestedAtMs[job.JobId] = nowMs;
    }

    /// <summary>A batch's state from its candidate; kept only for a job still assigned (a late answer to a replaced job is dropped).</summary>
    public void StateArrived(RunBatch run)
    {
        if (_assigned.Any(j => j is RelaxBatch && j.JobId == run.JobId)) _fetched[run.JobId] = run;
    }

    /// <summary>The candidate does not need the batch (already applied, or done).</summary>
    public void Declined(Guid jobId)
    {
        _assigned.RemoveAll(j => j is RelaxBatch && j.JobId == jobId);
        _requestedAtMs.Remove(jobId);
    }

    /// <summary>
    /// Starts the first assigned job when nothing runs and, for a batch, once its state has arrived;
    /// later jobs wait for it, so jobs run strictly in the order assigned. Gives the job to run, or false.
    /// </summary>
    public bool TryStart(out GenerateStructure? generate, out RunBatch? run)
    {
        (generate, run) = (null, null);
        if (IsRunning || _assigned.Count == 0) return false;
        switch (_assigned[0])
        {
            case GenerateStructure g:
                generate = g;
                break;
            case RelaxBatch b when _fetched.Remove(b.JobId, out var fetched):
                run = fetched;
                _requestedAtMs.Remove(b.JobId);
                break;
            default:
                return false;
        }
        _assigned.RemoveAt(0);
        IsRunning = true;
        return true;
    }

    /// <summary>The running job has ended; gives the result to deliver now, if none waits for its settlement.</summary>
    public FinishedJob? Finish(FinishedJob finished, long nowMs)
    {
        IsRunning = false;
        _finished.Enqueue(finished);
        return Deliver(nowMs);
    }

    /// <summary>The selector settled a result; gives the next result to deliver, if any.</summary>
    public FinishedJob? Settled(Guid jobId, long nowMs)
    {
        if (Unsettled?.JobId != jobId) return null;
        Unsettled = null;
        return Deliver(nowMs);
    }

    /// <summary>
    /// What is overdue at nowMs: the unsettled result, delivered again every resend interval (a candidate
    /// applies a batch once and the selector takes a failure once, so nothing is ever dropped), and the first
    /// job's batch state, asked for again when it has not arrived within the interval.
    /// </summary>
    public (FinishedJob? Resend, RelaxBatch? AskAgain) Due(long nowMs)
    {
        var afterMs = resendInterval.TotalMilliseconds;
        FinishedJob? resend = null;
        if (Unsettled is { } unsettled && nowMs - _deliveredAtMs > afterMs)
        {
            _deliveredAtMs = nowMs;
            resend = unsettled;
        }
        RelaxBatch? askAgain = null;
        if (!IsRunning && _assigned.Count > 0 && _assigned[0] is RelaxBatch waiting && nowMs - _requestedAtMs[waiting.JobId] > afterMs)
        {
            _requestedAtMs[waiting.JobId] = nowMs;
            askAgain = waiting;
        }
        return (resend, askAgain);
    }

    /// <summary>The node is stopping: the jobs waiting are given back unrun; gives the result to deliver now, if any.</summary>
    public FinishedJob? GiveBackWaiting(long nowMs)
    {
        foreach (var job in _assigned) _finished.Enqueue(new FinishedJob(job.JobId, job.CandidateId, null, "not started: the node is stopping", Abandoned: true));
        _assigned.Clear();
        _fetched.Clear();
        _requestedAtMs.Clear();
        return Deliver(nowMs);
    }

    /// <summary>The worker leaves: every finished result, the unsettled one first; jobs that did not finish are left to the selector.</summary>
    public IReadOnlyList<FinishedJob> HandBack()
    {
        var results = new List<FinishedJob>();
        if (Unsettled is { } unsettled) results.Add(unsettled);
        results.AddRange(_finished);
        _finished.Clear();
        Unsettled = null;
        return results;
    }

    private FinishedJob? Deliver(long nowMs)
    {
        if (Unsettled is not null || !_finished.TryDequeue(out var next)) return null;
        Unsettled = next;
        _deliveredAtMs = nowMs;
        return next;
    }

    private void DropWaitingJobOf(int candidateId)
    {
        foreach (var job in _assigned.Where(j => j.CandidateId == candidateId))
        {
            _fetched.Remove(job.JobId);
            _requestedAtMs.Remove(job.JobId);
        }
        _assigned.RemoveAll(j => j.CandidateId == candidateId);
    }
}
