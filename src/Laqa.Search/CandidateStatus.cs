namespace Laqa.Search;

/// <summary>Where a candidate's relaxation stands.</summary>
public enum CandidateStatus
{
    /// <summary>Created, no batch applied yet.</summary>
    Pending,
    /// <summary>At least one batch applied and the relaxation can continue.</summary>
    Relaxing,
    /// <summary>Relaxation reached fmax and smax.</summary>
    Converged,
    /// <summary>Relaxation or generation failed; the candidate is out of the search.</summary>
    Failed,
    /// <summary>Not converged when it had used search.max-steps-per-candidate steps; the candidate is out of the search.</summary>
    StepLimit,
    /// <summary>Stopped at the end of a batch as the same structure as a converged candidate (laqa.duplicates); out of the search.</summary>
    Duplicate,
}
