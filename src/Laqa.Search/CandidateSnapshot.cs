namespace Laqa.Search;

/// <summary>
/// A candidate as the search sees it after its last applied batch (or at creation: Pending, Batches 0).
/// EnergyPerAtom (eV/atom), MeanForceNorm (eV/Å) and MeanAbsStress (eV/Å³) are those of the batch's
/// last step; ForceChange is <see cref="LaqaScore.ForceChange"/> of that batch. Steps counts
/// relaxation steps over all applied batches; Batches counts applied batches, including one that
/// ended Failed.
/// </summary>
public sealed record CandidateSnapshot(
    int Id,
    CandidateStatus Status,
    double EnergyPerAtom,
    double MeanForceNorm,
    double ForceChange,
    double MeanAbsStress,
    int Steps,
    int Batches)
{
    public static CandidateSnapshot Created(int id) => new(id, CandidateStatus.Pending, 0, 0, 1.0, 0, 0, 0);

    /// <summary>Converged, failed or stopped at the step limit: the candidate gets no more batches.</summary>
    public bool IsTerminal => Status is CandidateStatus.Converged or CandidateStatus.Failed or CandidateStatus.StepLimit;
}
