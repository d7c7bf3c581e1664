namespace Laqa.Search;

/// <summary>
/// Decides which candidate runs its next batch. Single-threaded and deterministic for a given
/// sequence of calls. The policy's state depends only on the latest snapshot of each candidate,
/// what is in flight and the selection history, so it can be rebuilt after a restart:
/// <see cref="Restore"/> the persisted history, then Observe each candidate's latest snapshot.
/// </summary>
public interface ISelectionPolicy
{
    /// <summary>
    /// After every applied batch, and once at creation (Pending, Batches 0; Failed if generation
    /// failed): every id 0 .. candidateCount-1 must be observed before the policy can finish.
    /// Snapshots older (fewer Batches) than one already seen are ignored.
    /// </summary>
    void Observe(CandidateSnapshot snapshot);

    /// <summary>The next candidate to run one batch now, or false (nothing ready, or waiting at a sync barrier).</summary>
    bool TryTake(out int candidateId);

    /// <summary>A dispatched batch was lost (worker died or timed out); the candidate may be taken again.</summary>
    void Requeue(int candidateId);

    /// <summary>Every candidate has been created and is converged, failed or at the step limit; nothing is in flight.</summary>
    bool IsFinished { get; }

    /// <summary>Candidates dispatched and not yet reported.</summary>
    IReadOnlyCollection<int> InFlight { get; }

    /// <summary>Every selection so far, in order.</summary>
    IReadOnlyList<SelectionRecord> History { get; }

    /// <summary>Only on a fresh policy, before any Observe: continue after a restart from a persisted history.</summary>
    void Restore(IReadOnlyList<SelectionRecord> history);
}
