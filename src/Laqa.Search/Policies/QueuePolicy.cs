namespace Laqa.Search.Policies;

/// <summary>
/// A policy without rounds: every candidate that is observed, not done and not in flight waits in
/// one queue ordered by a priority (lower first, ties by id); a take is one selection. After a
/// restart the selections that were recorded but whose batches were not applied are taken first, in
/// the order they were made: with several jobs queued per worker they were chosen before results
/// that have since arrived, so choosing them again from the queue could pick others.
/// </summary>
internal abstract class QueuePolicy(SearchSpec spec, int candidateCount) : SelectionPolicyBase(spec, candidateCount)
{
    private readonly SortedSet<(double Priority, int Id)> ready = new(Comparer<(double Priority, int Id)>.Create(Compare));
    private readonly Dictionary<int, double> queuedPriority = [];

    /// <summary>Lower runs first; must not be NaN.</summary>
    protected abstract double Priority(CandidateSnapshot snapshot);

    protected override bool TryChoose(out int candidateId)
    {
        candidateId = -1;
        if (ready.Count == 0) return false;
        candidateId = TakeOutstanding() ?? ready.Min.Id;
        Dequeue(candidateId);
        RecordOnce(candidateId, Latest(candidateId).Batches);
        return true;
    }

    protected override void OnObserved(CandidateSnapshot snapshot)
    {
        Dequeue(snapshot.Id);
        EnqueueIfReady(snapshot.Id);
    }

    protected override void OnRequeued(int candidateId) => EnqueueIfReady(candidateId);

    /// <summary>The oldest restored selection still waiting for its batch; those applied or done meanwhile are dropped.</summary>
    private int? TakeOutstanding()
    {
        while (TryDequeueOutstanding(out var pick))
            if (queuedPriority.ContainsKey(pick.CandidateId) && Latest(pick.CandidateId).Batches == pick.BatchNumber)
                return pick.CandidateId;
        return null;
    }

    private void EnqueueIfReady(int id)
    {
        if (IsDone(id) || IsInFlight(id) || !TryGetLatest(id, out var snapshot)) return;
        var priority = Priority(snapshot);
        ready.Add((priority, id));
        queuedPriority[id] = priority;
    }

    private void Dequeue(int id)
    {
        if (queuedPriority.Remove(id, out var priority)) ready.Remove((priority, id));
    }

    private static int Compare((double Priority, int Id) a, (double Priority, int Id) b)
    {
        var c = a.Priority.CompareTo(b.Priority);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }
}
