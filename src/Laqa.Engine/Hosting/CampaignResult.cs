using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Search;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Where a campaign stands when <see cref="CampaignHost.RunAsync"/> returns: Finished (with the reason
/// the search ended) or stopped gracefully and resumable; totals; every candidate; the selection history.
/// </summary>
public sealed record CampaignResult(
    bool Finished,
    string? EndReason,
    CampaignTotals Totals,
    IReadOnlyList<CandidateResult> Candidates,
    IReadOnlyList<SelectionRecord> History);
