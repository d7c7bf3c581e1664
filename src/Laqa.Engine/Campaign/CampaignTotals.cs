using Laqa.Engine.Serialization;

namespace Laqa.Engine.Campaign;

/// <summary>
/// Totals over a campaign's candidates: how many were created (or failed), converged, failed, stopped at the step limit
/// (and, last, stopped as duplicates),
/// applied batches and relaxation steps, and the lowest enthalpy per atom H/N = E/N + pV/N (eV/atom; the
/// energy per atom at zero pressure) at the last applied step of a candidate that has not failed nor stopped as a duplicate, with that candidate's id (lowest id on a tie); counted by <see cref="CampaignTally"/>.
/// </summary>
public sealed record CampaignTotals(
    int Structures,
    int Converged,
    int Failed,
    int AtStepLimit,
    long Batches,
    long Steps,
    double? BestEnthalpyPerAtom,
    int? BestCandidate,
    int Duplicates = 0) : ILaqaMessage
{
    public static readonly CampaignTotals Empty = new(0, 0, 0, 0, 0, 0, null, null);
}
