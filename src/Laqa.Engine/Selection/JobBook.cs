using Akka.Actor;

namespace Laqa.Engine.Selection;

/// <summary>
/// The selector's book of work: the job of each candidate until a snapshot shows it done, the workers
/// that announced themselves with the jobs each holds (the one it runs and up to prefetch queued), and
/// per node the batches its workers ran. Plain state with no messages: <see cref="SelectorActor"/>
/// decides what to select and sends; this class decides who holds what, what is overdue, and what a
/// failure or a lost worker does to a job.
/// </summary>
public sealed class JobBook(int prefetch, TimeSpan jobDeadline, int maxRetries, Func<IActorRef, string> nodeOf)
{
    /// <summary>
    /// A job whose workers' nodes stopped this many times fails its candidate: a batch that crashes every
    /// node it runs on would otherwise be dispatched for ever. Workers that leave gracefully do not count.
    /// </summary>
    public const int NodeStopsBeforeFailing = 5;

    private readonly Dictionary<int, Job> _jobs = [];
    private readonly List<IActorRef> _workers = [];
    private readonly Dictionary<IActorRef, int> _held = [];
    private readonly Dictionary<string, NodeTally> _nodes = [];

    public int Count => _jobs.Count;

    public IEnumerable<Job> Jobs => _jobs.Values;

    public IReadOnlyList<IActorRef> Workers => _workers;

    /// <summary>True when no job is assigned to a worker.</summary>
    public bool IsIdle => _jobs.Values.All(j => j.Worker is null);

    public bool TryGet(int candidateId, out Job job) => _jobs.TryGetValue(candidateId, out job!);

    /// <summary>True when job is still the candidate's current job (not retried, re-queued or completed since).</summary>
    public bool IsCurrent(Job job) => _jobs.TryGetValue(job.CandidateId, out var current) && current.JobId == job.JobId;

    public bool Knows(IActorRef worker) => _held.ContainsKey(worker);

    /// <summary>Takes a worker in with no job (nothing changes for one already known); its node's tally starts now if it is the node's first.</summary>
    public void AddWorker(IActorRef worker, DateTimeOffset now)
    {
        if (!_held.TryAdd(worker, 0)) return;
        _workers.Add(worker);
        _nodes.TryAdd(nodeOf(worker), new NodeTally(now));
    }

    /// <summary>
    /// Forgets a worker that left (nodeStopped false) or whose node stopped or was downed. Its jobs wait for
    /// another worker as the same attempt, in candidate order; those whose nodes have stopped
    /// <see cref="NodeStopsBeforeFailing"/> times become failures, returned to be sent. Null for an unknown worker.
    /// </summary>
    public WorkerLoss? RemoveWorker(IActorRef worker, bool nodeStopped, long nowMs)
    {
        if (!_held.Remove(worker)) return null;
        _workers.Remove(worker);
        if (!_workers.Any(w => nodeOf(w) == nodeOf(worker))) _nodes.Remove(nodeOf(worker));
        var lost = _jobs.Values.Where(j => worker.Equals(j.Worker)).OrderBy(j => j.CandidateId).ToList();
        var failures = new List<Job>();
        foreach (var job in lost)
        {
            var requeued = job.Requeue(nodeStopped);
            if (requeued.NodeStops >= NodeStopsBeforeFailing)
                failures.Add(Fail(requeued, $"the nodes running it stopped {requeued.NodeStops} times", nowMs));
            else _jobs[job.CandidateId] = requeued;
        }
        return new WorkerLoss(lost, failures);
    }

    /// <summary>The announced worker holding the fewest jobs (the earliest announced on a tie), if it can take one more.</summary>
    public IActorRef? WorkerWithRoom()
    {
        IActorRef? best = null;
        var fewest = prefetch + 1;
        foreach (var worker in _workers)
            if (_held[worker] < fewest)
            {
                best = worker;
                fewest = _held[worker];
            }
        return best;
    }

    /// <summary>The waiting job (retried or re-queued, not a failure) of the lowest candidate id.</summary>
    public Job? NextWaiting() => _jobs.Values.Where(j => j.Worker is null && j.Kind != JobKind.Fail).OrderBy(j => j.CandidateId).FirstOrDefault();

    /// <summary>Gives job to worker with a deadline from now; returns the job as assigned.</summary>
    public Job Assign(Job job, IActorRef worker, long nowMs)
    {
        var running = job with { Worker = worker, DeadlineMs = nowMs + (long)jobDeadline.TotalMilliseconds };
        _jobs[job.CandidateId] = running;
        _held[worker]++;
        return running;
    }

    /// <summary>The job's effect is seen: it leaves the book, its worker has room again, and a batch counts for the worker's node.</summary>
    public void Complete(Job job)
    {
        if (job is { Kind: JobKind.Batch, Worker: { } worker } && _nodes.TryGetValue(nodeOf(worker), out var node)) node.Batches++;
        _jobs.Remove(job.CandidateId);
        Release(job);
    }

    /// <summary>
    /// An attempt failed (the worker said so, or no result came by the deadline): the job waits for its next
    /// attempt, or after the last retry becomes a failure, returned to be sent.
    /// </summary>
    public Job? RetryOrFail(Job job, string reason, long nowMs)
    {
        Release(job);
        if (job.Kind != JobKind.Fail && job.Attempt <= maxRetries)
        {
            _jobs[job.CandidateId] = job.Retry();
            return null;
        }
        return Fail(job.Retry(), reason, nowMs);
    }

    /// <summary>A job its worker gave back unrun (it failed while the worker's node stopped): it waits for a worker as the same attempt.</summary>
    public void GiveBack(Job job)
    {
        Release(job);
        _jobs[job.CandidateId] = job.Requeue(nodeStopped: false);
    }

    /// <summary>A failure sent again: the candidate has not recorded it by the deadline.</summary>
    public Job Resend(Job failure, long nowMs) => _jobs[failure.CandidateId] = failure with { DeadlineMs = nowMs + (long)jobDeadline.TotalMilliseconds };

    /// <summary>Jobs past their deadline.</summary>
    public IReadOnlyList<Job> Overdue(long nowMs) => [.. _jobs.Values.Where(j => j.DeadlineMs < nowMs)];

    /// <summary>How many workers hold a job, how many there are, and per node.</summary>
    public WorkerLoad Load() => new(_held.Values.Count(n => n > 0), _workers.Count,
        [.. _workers.GroupBy(nodeOf).Select(g => new NodeLoad(g.Key, g.Count(), g.Count(w => _held[w] > 0), _nodes[g.Key].Batches, _nodes[g.Key].Since))]);

    private Job Fail(Job job, string reason, long nowMs) =>
        Resend(job with { Kind = JobKind.Fail, FailureReason = reason, Worker = null }, nowMs);

    private void Release(Job job)
    {
        if (job.Worker is { } worker && _held.TryGetValue(worker, out var held) && held > 0) _held[worker] = held - 1;
    }

    private sealed class NodeTally(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;

        public int Batches { get; set; }
    }
}

/// <summary>The jobs a lost worker held (as they were), and those of them that became failures to send.</summary>
public sealed record WorkerLoss(IReadOnlyList<Job> Lost, IReadOnlyList<Job> Failures);
