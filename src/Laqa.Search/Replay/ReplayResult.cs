namespace Laqa.Search.Replay;

/// <summary>
/// One policy replayed over a campaign's trajectories: every applied batch in application order, the
/// final best candidate, the steps spent when it first converged (<see cref="Search.StepsToBest"/>;
/// null if it never converged) and the total steps.
/// </summary>
public sealed record ReplayResult(IReadOnlyList<AppliedBatch> Applied, int? BestCandidate, long? StepsToBest)
{
    public long TotalSteps => Applied.Sum(b => (long)b.Steps);
}
