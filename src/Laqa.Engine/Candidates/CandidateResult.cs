using Laqa.Crystal;
using Laqa.Engine.Serialization;
using Laqa.Search;

namespace Laqa.Engine.Candidates;

/// <summary>
/// A candidate at the end (or at any moment) of a campaign: status, failure reason, applied batches
/// and steps, the energy per atom at every applied step (eV/atom), and its initial and current structures.
/// </summary>
public sealed record CandidateResult(
    int Id,
    CandidateStatus Status,
    string? FailureReason,
    int Batches,
    int Steps,
    double[] EnergiesPerAtom,
    Structure? Initial,
    Structure? Current) : ILaqaMessage
{
    /// <summary>Energy per atom at the last applied step; NaN when no step was applied.</summary>
    public double EnergyPerAtom => EnergiesPerAtom.Length > 0 ? EnergiesPerAtom[^1] : double.NaN;

    public bool IsCreated => Initial is not null;

    public static CandidateResult Of(CandidateState s, int? maxStepsPerCandidate) =>
        new(s.Id, s.StatusWithin(maxStepsPerCandidate), s.FailureReason, s.NextBatch, s.Steps, s.EnergiesPerAtom, s.Initial, s.Relaxation?.Structure);
}
