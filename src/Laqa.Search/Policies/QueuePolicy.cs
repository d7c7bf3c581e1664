namespace Laqa.Search.Policies;

/// <summary>
/// A policy without rounds: every candidate that is observed, not done and not in flight waits in
/// one queue ordered by a priority (lower first, ties by id); a take is one selection.
/// </summary>
internal abstract class QueuePolicy(SearchSpec spec, int candidateCount) : SelectionPolicyBase(spec, candidateCount)
{
    private readonly SortedSet<(double Priority, int Id)> ready = new(Comparer<(double Priority, int Id)>.Create(Compare));
    private readonly Dictionary<int, double> queuedPriority = [];
    private readonly Dictionary<int, int> lastRecordedBatch = [];

    /// <summary>Lower runs first; must not be NaN.</summary>
    protected abstract double Priority(CandidateSnapshot snapshot);

    protected override bool TryChoose(out int candidateId)
    {
        candidateId = -1;
        if (ready.Count == 0) return false;
        var first = ready.Min;
        Dequeue(first.Id);
        candidateId = first.Id;
        var batchNumber = Latest(candidateId).Batches;
        if (!lastRecordedBatch.TryGetValue(candidateId, out var recorded) || recorded != batchNumber)
        {
            lastRecordedBatch[candidateId] = batchNumber;
            Record([new SelectedBatch(candidateId, batchNumber)]);
        }
        return true;
    }

    protected override void OnObserved(CandidateSnapshot snapshot)
    {
        Dequeue(snapshot.Id);
        EnqueueIfReady(snapshot.Id);
    }

    protected override void OnRequeued(int candidateId) => EnqueueIfReady(candidateId);

    protected override void OnRestored()
    {
        foreach (var b in History.SelectMany(r => r.Batches)) lastRecordedBatch[b.CandidateId] = b.BatchNumber;
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
