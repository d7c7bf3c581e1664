using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Serialization;
using Laqa.Search;

namespace Laqa.Engine.Candidates;

/// <summary>
/// Everything a candidate knows, folded from its events (also its persisted snapshot).
/// Relaxation is null until the candidate is created; NextBatch is the batch number it expects next;
/// EnergiesPerAtom holds every applied step (eV/atom); the last four numbers are those of the
/// last step of the last applied batch that had steps (Volume, Å³, is null when that batch was
/// journalled before volumes were kept). Status is what the events say; a candidate stopped by the
/// step limit stays Relaxing here and shows StepLimit in <see cref="Snapshot"/> and <see cref="CandidateResult"/>.
/// DuplicateOf is the converged candidate a Duplicate matched; GeneratedSpaceGroup the group it was generated in
/// (null for a source that does not say, and in journals written before it was kept).
/// </summary>
public sealed record CandidateState(
    int Id,
    CandidateStatus Status,
    Structure? Initial,
    RelaxationState? Relaxation,
    int NextBatch,
    int DispatchedBatches,
    double[] EnergiesPerAtom,
    double MeanForceNorm,
    double ForceChange,
    double MeanAbsStress,
    string? FailureReason,
    double? Volume = null,
    int? DuplicateOf = null,
    int? GeneratedSpaceGroup = null) : ILaqaMessage
{
    public static CandidateState Empty(int id) =>
        new(id, CandidateStatus.Pending, null, null, 0, 0, [], 0, 1.0, 0, null);

    public bool IsCreated => Relaxation is not null;

    /// <summary>Converged, failed or a duplicate. Not the step limit: a batch dispatched before the candidate reached it is still applied.</summary>
    public bool IsTerminal => Status is CandidateStatus.Converged or CandidateStatus.Failed or CandidateStatus.Duplicate;

    public int Steps => EnergiesPerAtom.Length;

    /// <summary>Known to the search once created, or once failed even without a structure.</summary>
    public bool IsKnown => IsCreated || Status == CandidateStatus.Failed;

    public CandidateState Apply(ICandidateEvent e) => e switch
    {
        CandidateCreated c => this with { Initial = c.Structure, Relaxation = RelaxationState.Start(c.Structure), GeneratedSpaceGroup = c.GeneratedSpaceGroup },
        BatchDispatched d => this with { DispatchedBatches = Math.Max(DispatchedBatches, d.BatchNumber + 1) },
        BatchCompleted b when b.StepCount == 0 => this with { NextBatch = b.BatchNumber + 1, Relaxation = b.Next, Status = CandidateStatus.Relaxing },
        BatchCompleted b => this with
        {
            NextBatch = b.BatchNumber + 1,
            Relaxation = b.Next,
            Status = CandidateStatus.Relaxing,
            EnergiesPerAtom = [.. EnergiesPerAtom, .. b.EnergiesPerAtom],
            MeanForceNorm = b.MeanForceNorms[^1],
            ForceChange = LaqaScore.ForceChange(b.MeanForceNorms),
            MeanAbsStress = b.MeanAbsStresses[^1],
            Volume = b.Volumes?[^1],
        },
        CandidateConverged => this with { Status = CandidateStatus.Converged },
        CandidateFailed f => this with { Status = CandidateStatus.Failed, FailureReason = f.Reason },
        CandidateDuplicate d => this with { Status = CandidateStatus.Duplicate, DuplicateOf = d.Of },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "unknown candidate event"),
    };

    /// <summary>The status with <see cref="StepLimit"/> applied: StepLimit for a relaxing candidate out of steps.</summary>
    public CandidateStatus StatusWithin(int? maxStepsPerCandidate) => StepLimit.Apply(Status, Steps, maxStepsPerCandidate);

    /// <summary>
    /// pV/N (eV/atom) at the last applied step under the external pressure p (eV/Å³), the term that makes
    /// the energy per atom an enthalpy per atom; 0 before the first step and at zero pressure.
    /// </summary>
    public double PressureVolumePerAtom(double pressure) => Steps == 0 || Relaxation is null
        ? 0
        // Journals written before volumes were kept: the batch's final structure, the last step's own when it converged.
        : pressure * (Volume ?? Relaxation.Structure.Lattice.Volume) / Relaxation.Structure.Count;

    /// <summary>
    /// What the search sees (with the step limit applied to the status and the enthalpy under the external
    /// pressure p, eV/Å³); null while the candidate is not known yet.
    /// </summary>
    public CandidateSnapshot? Snapshot(int? maxStepsPerCandidate, double pressure) => IsKnown
        ? new CandidateSnapshot(Id, StatusWithin(maxStepsPerCandidate), EnergiesPerAtom.Length > 0 ? EnergiesPerAtom[^1] : 0, MeanForceNorm, ForceChange,
            MeanAbsStress, Steps, NextBatch, PressureVolumePerAtom(pressure), DuplicateOf)
        : null;
}
