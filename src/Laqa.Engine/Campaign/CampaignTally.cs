using Laqa.Search;

namespace Laqa.Engine.Campaign;

/// <summary>
/// The latest snapshot of every candidate and <see cref="CampaignTotals"/> over them, kept up to date
/// one snapshot at a time (so that a campaign of many candidates does not recount all of them per batch).
/// </summary>
public sealed class CampaignTally
{
    private readonly Dictionary<int, CandidateSnapshot> _latest = [];
    private readonly SortedSet<(double EnthalpyPerAtom, int Id)> _eligibleForBest = [];
    private int _converged;
    private int _failed;
    private int _atStepLimit;
    private int _duplicates;
    private long _batches;
    private long _steps;

    public CandidateSnapshot? Latest(int id) => _latest.GetValueOrDefault(id);

    /// <summary>Replaces the candidate's snapshot (the caller drops stale ones).</summary>
    public void Set(CandidateSnapshot snapshot)
    {
        if (_latest.TryGetValue(snapshot.Id, out var previous)) Count(previous, -1);
        _latest[snapshot.Id] = snapshot;
        Count(snapshot, +1);
    }

    public CampaignTotals Totals => _eligibleForBest.Count == 0
        ? new CampaignTotals(_latest.Count, _converged, _failed, _atStepLimit, _batches, _steps, null, null, _duplicates)
        : new CampaignTotals(_latest.Count, _converged, _failed, _atStepLimit, _batches, _steps, _eligibleForBest.Min.EnthalpyPerAtom, _eligibleForBest.Min.Id, _duplicates);

    private void Count(CandidateSnapshot s, int sign)
    {
        if (s.Status == CandidateStatus.Converged) _converged += sign;
        if (s.Status == CandidateStatus.Failed) _failed += sign;
        if (s.Status == CandidateStatus.StepLimit) _atStepLimit += sign;
        if (s.Status == CandidateStatus.Duplicate) _duplicates += sign;
        _batches += sign * s.Batches;
        _steps += sign * s.Steps;
        // A duplicate stopped on its way to a structure a converged candidate holds: that one is the best, not it.
        if (s.Steps <= 0 || s.Status is CandidateStatus.Failed or CandidateStatus.Duplicate) return;
        if (sign > 0) _eligibleForBest.Add((s.EnthalpyPerAtom, s.Id));
        else _eligibleForBest.Remove((s.EnthalpyPerAtom, s.Id));
    }
}
