namespace Laqa.Search.Policies;

/// <summary>
/// Bookkeeping shared by the policies: the latest snapshot of each candidate, which candidates are
/// done, what is in flight (and with which batch number), and the selection history.
/// </summary>
internal abstract class SelectionPolicyBase(SearchSpec spec, int candidateCount) : ISelectionPolicy
{
    private readonly Dictionary<int, CandidateSnapshot> latest = [];
    private readonly Dictionary<int, int> inFlight = [];
    private readonly HashSet<int> done = [];
    private readonly List<SelectionRecord> history = [];
    private readonly Dictionary<int, int> lastRecordedBatch = [];
    private readonly Queue<SelectedBatch> outstanding = new();

    protected SearchSpec Spec { get; } = spec;
    protected int CandidateCount { get; } = candidateCount;
    protected bool AllObserved => latest.Count == CandidateCount;

    public IReadOnlyList<SelectionRecord> History => history;
    public IReadOnlyCollection<int> InFlight => inFlight.Keys;
    public bool IsFinished => AllObserved && inFlight.Count == 0 && done.Count == CandidateCount;

    public void Observe(CandidateSnapshot snapshot)
    {
        if (snapshot.Id < 0 || snapshot.Id >= CandidateCount)
            throw new ArgumentOutOfRangeException(nameof(snapshot), snapshot.Id, $"candidate ids run from 0 to {CandidateCount - 1}");
        if (latest.TryGetValue(snapshot.Id, out var previous) && snapshot.Batches < previous.Batches) return;
        latest[snapshot.Id] = snapshot;
        if (Spec.IsDone(snapshot)) done.Add(snapshot.Id);
        if (inFlight.TryGetValue(snapshot.Id, out var batchNumber) && (snapshot.Batches > batchNumber || IsDone(snapshot.Id)))
            inFlight.Remove(snapshot.Id);
        OnObserved(snapshot);
    }

    public bool TryTake(out int candidateId)
    {
        if (!TryChoose(out candidateId)) return false;
        inFlight[candidateId] = latest[candidateId].Batches;
        return true;
    }

    public void Requeue(int candidateId)
    {
        if (inFlight.Remove(candidateId)) OnRequeued(candidateId);
    }

    public void Restore(IReadOnlyList<SelectionRecord> persisted)
    {
        if (latest.Count > 0 || history.Count > 0)
            throw new InvalidOperationException("Restore is only allowed on a fresh policy");
        history.AddRange(persisted);
        foreach (var b in history.SelectMany(r => r.Batches)) lastRecordedBatch[b.CandidateId] = b.BatchNumber;
        foreach (var b in history.SelectMany(r => r.Batches))
            if (lastRecordedBatch[b.CandidateId] == b.BatchNumber) outstanding.Enqueue(b);
        OnRestored();
    }

    protected bool TryGetLatest(int id, out CandidateSnapshot snapshot) => latest.TryGetValue(id, out snapshot!);
    protected CandidateSnapshot Latest(int id) => latest[id];
    protected IEnumerable<CandidateSnapshot> Observed => latest.Values;
    protected bool IsDone(int id) => done.Contains(id);
    protected bool IsInFlight(int id) => inFlight.ContainsKey(id);
    protected void Record(IReadOnlyList<SelectedBatch> batches) => history.Add(new SelectionRecord(history.Count, batches));

    /// <summary>Records one candidate's batch as a selection of its own, unless it was recorded already: a batch taken again after it was lost is the same selection.</summary>
    protected void RecordOnce(int candidateId, int batchNumber)
    {
        if (lastRecordedBatch.TryGetValue(candidateId, out var recorded) && recorded == batchNumber) return;
        lastRecordedBatch[candidateId] = batchNumber;
        Record([new SelectedBatch(candidateId, batchNumber)]);
    }

    /// <summary>
    /// After a restart, the next of the recorded selections that were each candidate's last, in the order they were made:
    /// their batches may not have been applied, and a policy that takes them first selects as one that never stopped.
    /// </summary>
    protected bool TryDequeueOutstanding(out SelectedBatch pick) => outstanding.TryDequeue(out pick);

    protected abstract bool TryChoose(out int candidateId);
    protected abstract void OnObserved(CandidateSnapshot snapshot);
    protected abstract void OnRequeued(int candidateId);
    protected virtual void OnRestored() { }
}
