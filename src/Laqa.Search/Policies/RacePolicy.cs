namespace Laqa.Search.Policies;

/// <summary>
/// race: probe, then race at equal progress. Every candidate is first probed for
/// <see cref="ProbeSteps"/> steps (rounded up to whole batches), in id order; probed candidates wait
/// ("parked") and are compared with each other, all at the same number of steps, by
/// <see cref="RaceLookAhead"/> (H − a·F). One in every <see cref="PromoteEvery"/>
/// probed candidates is promoted, the best parked one, and relaxed to its end before anything else;
/// once every candidate is probed, the best parked ones follow one after another. Unlike laqa it
/// needs no first batch of every candidate before it goes deep, and it never compares a candidate
/// after 10 steps with one after 80. Which candidates are probing, parked or
/// promoted follows from their batch counts and what is in flight, so it is rebuilt after a restart
/// like the others.
/// </summary>
internal sealed class RacePolicy : SelectionPolicyBase
{
    /// <summary>Steps of the probe every candidate gets before it is compared with the others.</summary>
    public const int ProbeSteps = 10;

    /// <summary>One promotion for every this many probed candidates.</summary>
    public const int PromoteEvery = 5;

    private readonly int probeBatches;

    public RacePolicy(SearchSpec spec, int candidateCount, int stepsPerBatch) : base(spec, candidateCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerBatch, 1);
        probeBatches = (ProbeSteps + stepsPerBatch - 1) / stepsPerBatch;
    }

    protected override bool TryChoose(out int candidateId)
    {
        candidateId = -1;
        CandidateSnapshot? running = null, bestParked = null, nextProbe = null;
        int probed = 0, promoted = 0;
        foreach (var s in Observed)
        {
            if (s.Status == CandidateStatus.Failed) continue;
            if (s.Batches >= probeBatches) probed++;
            // A parked candidate in flight was taken for its first batch after the probe: a promotion.
            if (s.Batches > probeBatches || (s.Batches == probeBatches && IsInFlight(s.Id))) promoted++;
            if (IsDone(s.Id) || IsInFlight(s.Id)) continue;
            if (s.Batches > probeBatches || (s.Batches > 0 && s.Batches < probeBatches))
                running = Better(running, s, (a, b) => b.Batches != a.Batches ? b.Batches > a.Batches : b.Id < a.Id);
            else if (s.Batches == probeBatches)
                bestParked = Better(bestParked, s, (a, b) => RaceLookAhead.Of(b) != RaceLookAhead.Of(a) ? RaceLookAhead.Of(b) < RaceLookAhead.Of(a) : b.Id < a.Id);
            else
                nextProbe = Better(nextProbe, s, (a, b) => b.Id < a.Id);
        }
        var pick = TakeOutstanding()
            ?? running
            ?? (bestParked is not null && promoted < probed / PromoteEvery ? bestParked : null)
            ?? nextProbe
            ?? bestParked;
        if (pick is null) return false;
        candidateId = pick.Id;
        RecordOnce(pick.Id, pick.Batches);
        return true;
    }

    protected override void OnObserved(CandidateSnapshot snapshot) { }

    protected override void OnRequeued(int candidateId) { }

    /// <summary>After a restart, the selections recorded whose batches were not applied are taken first, in order.</summary>
    private CandidateSnapshot? TakeOutstanding()
    {
        while (TryDequeueOutstanding(out var pick))
            if (TryGetLatest(pick.CandidateId, out var s) && !IsDone(s.Id) && !IsInFlight(s.Id) && s.Batches == pick.BatchNumber)
                return s;
        return null;
    }

    private static CandidateSnapshot Better(CandidateSnapshot? current, CandidateSnapshot candidate, Func<CandidateSnapshot, CandidateSnapshot, bool> isBetter) =>
        current is null || isBetter(current, candidate) ? candidate : current;
}
