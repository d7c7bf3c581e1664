using Akka.Actor;

namespace Laqa.Engine.Selection;

public enum JobKind
{
    /// <summary>Generate the candidate's initial structure.</summary>
    Generate,
    /// <summary>Run batch BatchNumber of the candidate.</summary>
    Batch,
    /// <summary>Every attempt failed: waiting for the candidate to record its failure.</summary>
    Fail,
}

/// <summary>
/// A unit of work for one candidate as the selector tracks it until the candidate's snapshot shows
/// it done. Worker is null while it waits for a free worker; Attempt counts failed dispatches (1-based);
/// NodeStops counts the workers lost with it because their node stopped.
/// </summary>
public sealed record Job(
    Guid JobId, JobKind Kind, int CandidateId, int BatchNumber, int Attempt, IActorRef? Worker, long DeadlineMs, string? FailureReason = null, int NodeStops = 0)
{
    public static Job New(JobKind kind, int candidateId, int batchNumber) =>
        new(Guid.NewGuid(), kind, candidateId, batchNumber, 1, null, long.MaxValue);

    /// <summary>True when this snapshot shows the job's effect (created, batch applied, or the candidate out of the search).</summary>
    public bool IsDoneBy(Search.CandidateSnapshot s) => Kind switch
    {
        JobKind.Generate => true,
        JobKind.Batch => s.Batches > BatchNumber || s.IsTerminal,
        _ => s.IsTerminal,
    };

    /// <summary>The same work again as the same attempt, not yet assigned: its worker left, or its worker's node stopped.</summary>
    public Job Requeue(bool nodeStopped) =>
        this with { JobId = Guid.NewGuid(), Worker = null, DeadlineMs = long.MaxValue, NodeStops = NodeStops + (nodeStopped ? 1 : 0) };

    /// <summary>The same work again, for the next attempt, not yet assigned.</summary>
    public Job Retry() => this with { JobId = Guid.NewGuid(), Attempt = Attempt + 1, Worker = null, DeadlineMs = long.MaxValue };
}
