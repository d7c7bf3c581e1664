namespace Laqa.Search;

/// <summary>
/// A candidate as the search sees it after its last applied batch (or at creation: Pending, Batches 0).
/// EnergyPerAtom (eV/atom), MeanForceNorm (eV/Å) and MeanAbsStress (eV/Å³) are those of the batch's
/// last step; ForceChange is <see cref="LaqaScore.ForceChange"/> of that batch. Steps counts
/// relaxation steps over all applied batches; Batches counts applied batches, including one that
/// ended Failed. PressureVolumePerAtom is pV/N (eV/atom) at that step under the relaxation's external
/// pressure p: 0 at zero pressure (and in snapshots journalled before it was kept). DuplicateOf is the converged
/// candidate a Duplicate matched.
/// </summary>
public sealed record CandidateSnapshot(
    int Id,
    CandidateStatus Status,
    double EnergyPerAtom,
    double MeanForceNorm,
    double ForceChange,
    double MeanAbsStress,
    int Steps,
    int Batches,
    double PressureVolumePerAtom = 0,
    int? DuplicateOf = null)
{
    public static CandidateSnapshot Created(int id) => new(id, CandidateStatus.Pending, 0, 0, 1.0, 0, 0, 0);

    /// <summary>
    /// H/N = E/N + pV/N (eV/atom): what the search ranks and scores by, the stable structure under
    /// pressure being the one of lowest enthalpy; equal to EnergyPerAtom at zero pressure.
    /// </summary>
    public double EnthalpyPerAtom => EnergyPerAtom + PressureVolumePerAtom;

    /// <summary>Converged, failed, stopped at the step limit or as a duplicate: the candidate gets no more batches.</summary>
    public bool IsTerminal => Status is CandidateStatus.Converged or CandidateStatus.Failed or CandidateStatus.StepLimit or CandidateStatus.Duplicate;

    /// <summary>This snapshot stopped as a duplicate of the converged candidate of.</summary>
    public CandidateSnapshot AsDuplicateOf(int of) => this with { Status = CandidateStatus.Duplicate, DuplicateOf = of };
}
