namespace Laqa.Search.Replay;

/// <summary>
/// One policy replayed over a campaign's trajectories: every applied batch in application order, the
/// final best candidate, the steps spent when it first converged (<see cref="Search.StepsToBest"/>;
/// null if it never converged) and the total steps.
/// </summary>
public sealed record ReplayResult(IReadOnlyList<AppliedBatch> Applied, int? BestCandidate, long? StepsToBest)
{
    public long TotalSteps => Applied.Sum(b => (long)b.Steps);

    /// <summary>Steps spent when the first of <paramref name="candidates"/> converged (e.g. every candidate that ends in the best minimum); null if none did.</summary>
    public long? StepsToFirstConverged(IReadOnlySet<int> candidates)
    {
        long steps = 0;
        foreach (var batch in Applied)
        {
            steps += batch.Steps;
            if (batch.Converged && candidates.Contains(batch.CandidateId)) return steps;
        }
        return null;
    }
}
