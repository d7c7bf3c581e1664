namespace Laqa.Search.Policies;

/// <summary>
/// laqa-sync (CrySPY): selection 0 runs every candidate's first batch; each later selection takes
/// the nselect highest scores (ties by id) among candidates not done, runs one batch of each and
/// waits until all of them have reported before selecting again. Selection 0 is recorded when it
/// completes, with the candidates that ran; later selections when they are made.
/// </summary>
internal sealed class LaqaSyncPolicy(SearchSpec spec, int candidateCount) : SelectionPolicyBase(spec, candidateCount)
{
    private IReadOnlyList<SelectedBatch> round = FirstRound(candidateCount);
    private bool roundRecorded;

    protected override bool TryChoose(out int candidateId)
    {
        foreach (var pick in round)
            if (TryGetLatest(pick.CandidateId, out var s) && IsOutstanding(pick, s) && !IsInFlight(pick.CandidateId))
            {
                candidateId = pick.CandidateId;
                return true;
            }
        candidateId = -1;
        return false;
    }

    protected override void OnObserved(CandidateSnapshot snapshot) => AdvanceWhenComplete();

    protected override void OnRequeued(int candidateId) { }

    protected override void OnRestored()
    {
        if (History.Count == 0) return;
        round = History[^1].Batches;
        roundRecorded = true;
    }

    private void AdvanceWhenComplete()
    {
        if (!AllObserved || round.Count == 0) return;
        foreach (var pick in round)
            if (IsOutstanding(pick, Latest(pick.CandidateId))) return;
        if (!roundRecorded)
            Record([.. round.Where(p => Latest(p.CandidateId).Batches > p.BatchNumber)]);
        round = [.. Observed
            .Where(s => !IsDone(s.Id))
            .OrderByDescending(s => RankingScore.Of(s, Spec.Laqa.Weights))
            .ThenBy(s => s.Id)
            .Take(Spec.Laqa.NSelect)
            .Select(s => new SelectedBatch(s.Id, s.Batches))];
        roundRecorded = round.Count > 0;
        if (roundRecorded) Record(round);
    }

    private bool IsOutstanding(SelectedBatch pick, CandidateSnapshot latest) =>
        !IsDone(pick.CandidateId) && latest.Batches <= pick.BatchNumber;

    private static SelectedBatch[] FirstRound(int candidateCount) =>
        [.. Enumerable.Range(0, candidateCount).Select(id => new SelectedBatch(id, 0))];
}
