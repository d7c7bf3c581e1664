namespace Laqa.Search;

/// <summary>One applied batch of a candidate: its relaxation steps, and whether the candidate converged with it.</summary>
public readonly record struct AppliedBatch(int CandidateId, int Steps, bool Converged);

/// <summary>
/// How many relaxation steps a search had spent when it found its final best structure: the total
/// steps of every batch applied up to and including the one with which that candidate first
/// converged, over all candidates, in the order the batches were applied. The same definition
/// serves rs and LAQA, so the two can be compared on one campaign.
/// </summary>
public static class StepsToBest
{
    /// <summary>Candidates that converged within this much (eV/atom) of the final best count as its minimum (structures the calculator does not tell apart).</summary>
    public const double MinimumTolerance = 0.001;

    /// <summary>Null when the best candidate has not converged (yet).</summary>
    public static long? Of(IEnumerable<AppliedBatch> inApplicationOrder, int bestCandidate)
    {
        long steps = 0;
        foreach (var batch in inApplicationOrder)
        {
            steps += batch.Steps;
            if (batch.Converged && batch.CandidateId == bestCandidate) return steps;
        }
        return null;
    }

    /// <summary>The steps of every batch applied up to and including the candidate's last one (where the step limit stopped it); null if it has none.</summary>
    public static long? ThroughLastBatch(IEnumerable<AppliedBatch> inApplicationOrder, int candidate)
    {
        long steps = 0;
        long? through = null;
        foreach (var batch in inApplicationOrder)
        {
            steps += batch.Steps;
            if (batch.CandidateId == candidate) through = steps;
        }
        return through;
    }
}
