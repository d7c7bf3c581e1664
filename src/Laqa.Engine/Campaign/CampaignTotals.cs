using Laqa.Engine.Serialization;
using Laqa.Search;

namespace Laqa.Engine.Campaign;

/// <summary>
/// Totals over a campaign's candidates: how many were created (or failed), converged and failed,
/// applied batches and relaxation steps, and the lowest energy per atom (eV/atom) at the last applied
/// step of a candidate that has not failed, with that candidate's id (lowest id on a tie).
/// </summary>
public sealed record CampaignTotals(
    int Structures,
    int Converged,
    int Failed,
    long Batches,
    long Steps,
    double? BestEnergyPerAtom,
    int? BestCandidate) : ILaqaMessage
{
    public static readonly CampaignTotals Empty = new(0, 0, 0, 0, 0, null, null);

    public static CampaignTotals Of(IEnumerable<CandidateSnapshot> latest)
    {
        int structures = 0, converged = 0, failed = 0;
        long batches = 0, steps = 0;
        double? best = null;
        int? bestId = null;
        foreach (var s in latest.OrderBy(s => s.Id))
        {
            structures++;
            if (s.Status == CandidateStatus.Converged) converged++;
            if (s.Status == CandidateStatus.Failed) failed++;
            batches += s.Batches;
            steps += s.Steps;
            if (s.Steps > 0 && s.Status != CandidateStatus.Failed && (best is null || s.EnergyPerAtom < best))
            {
                best = s.EnergyPerAtom;
                bestId = s.Id;
            }
        }
        return new CampaignTotals(structures, converged, failed, batches, steps, best, bestId);
    }
}
