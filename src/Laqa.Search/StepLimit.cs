namespace Laqa.Search;

/// <summary>
/// A candidate's final status when search.max-steps-per-candidate stops it. Derived from its steps
/// rather than journalled, so journals written before the status existed read the same.
/// </summary>
public static class StepLimit
{
    /// <summary>StepLimit for a candidate still relaxing that has used its step budget; otherwise the status unchanged (also with no budget known).</summary>
    public static CandidateStatus Apply(CandidateStatus status, int steps, int? maxStepsPerCandidate) =>
        status == CandidateStatus.Relaxing && steps >= maxStepsPerCandidate ? CandidateStatus.StepLimit : status;
}
