using Laqa.Crystal;
using Laqa.Engine.Serialization;
using Laqa.Search;

namespace Laqa.Engine.Candidates;

/// <summary>
/// A candidate at the end (or at any moment) of a campaign: status, failure reason, applied batches
/// and steps, the energy per atom at every applied step (eV/atom), its initial and current structures, and
/// pV/N (eV/atom) at the last applied step under the relaxation's external pressure p (0 at zero pressure), the
/// converged candidate a Duplicate matched, and the space group it was generated in.
/// </summary>
public sealed record CandidateResult(
    int Id,
    CandidateStatus Status,
    string? FailureReason,
    int Batches,
    int Steps,
    double[] EnergiesPerAtom,
    Structure? Initial,
    Structure? Current,
    double PressureVolumePerAtom,
    int? DuplicateOf = null,
    int? GeneratedSpaceGroup = null) : ILaqaMessage
{
    /// <summary>Energy per atom at the last applied step; NaN when no step was applied.</summary>
    public double EnergyPerAtom => EnergiesPerAtom.Length > 0 ? EnergiesPerAtom[^1] : double.NaN;

    /// <summary>Enthalpy per atom H/N = E/N + pV/N at the last applied step (the energy at zero pressure); NaN when no step was applied.</summary>
    public double EnthalpyPerAtom => EnergyPerAtom + PressureVolumePerAtom;

    public bool IsCreated => Initial is not null;

    /// <summary>The candidate's result under the external pressure p (eV/Å³).</summary>
    public static CandidateResult Of(CandidateState s, int? maxStepsPerCandidate, double pressure) =>
        new(s.Id, s.StatusWithin(maxStepsPerCandidate), s.FailureReason, s.NextBatch, s.Steps, s.EnergiesPerAtom, s.Initial, s.Relaxation?.Structure,
            s.PressureVolumePerAtom(pressure), s.DuplicateOf, s.GeneratedSpaceGroup);
}
