using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Search;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Where a campaign stands when <see cref="CampaignHost.RunAsync"/> returns: Finished (with the reason
/// the search ended) or stopped and resumable; totals; every candidate; the selection history.
/// Abandoned: stopped without waiting for the batches in flight (they run again on resume); Totals
/// are the last reported, Candidates and History are empty. NodeFailure says why the node's actor system
/// ended under the campaign (Akka ends a node whose outgoing TLS handshake fails); the campaign resumes.
/// StopReason says why a campaign stopped that no signal stopped (its calculator cannot work); it resumes too.
/// </summary>
public sealed record CampaignResult(
    bool Finished,
    string? EndReason,
    CampaignTotals Totals,
    IReadOnlyList<CandidateResult> Candidates,
    IReadOnlyList<SelectionRecord> History,
    bool Abandoned = false)
{
    public static CampaignResult AbandonedAt(CampaignTotals totals) => new(false, null, totals, [], [], Abandoned: true);

    public string? NodeFailure { get; init; }

    public string? StopReason { get; init; }
}
