using System.Globalization;
using Laqa.Engine.Campaign;
using Laqa.Engine.Journal;

namespace Laqa.Cli;

/// <summary>
/// The nodes that worked for a campaign, as `laqa status` lists them; a node still there when its campaign
/// ended is "ended", when a stop or crash ended the run "stopped".
/// </summary>
public static class NodesTable
{
    public static void Print(TextWriter output, CampaignReadModel record)
    {
        if (record.Nodes.Count == 0) return;
        output.WriteLine("node                    roles            workers  batches  up since (UTC)       state");
        foreach (var n in record.Nodes)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n.Address,-23} {string.Join(",", n.Roles),-16} {n.Workers,7}  {n.Batches,7}  {n.UpSince:yyyy-MM-dd HH:mm:ss}  {State(n, record)}"));
    }

    public static string State(NodeRecord node, CampaignReadModel record) =>
        node.GoneAt is { } at ? string.Create(CultureInfo.InvariantCulture, $"{node.How} at {at:yyyy-MM-dd HH:mm:ss}") : Open(record);

    private static string Open(CampaignReadModel record) => record.Running ? "up" : record.Phase == CampaignPhase.Done ? "ended" : "stopped";

    public static IEnumerable<object> Json(CampaignReadModel record) => record.Nodes.Select(n => new
    {
        address = n.Address,
        roles = n.Roles,
        workers = n.Workers,
        batches = n.Batches,
        upSince = n.UpSince,
        state = n.GoneAt is null ? Open(record) : n.How,
        goneAt = n.GoneAt,
    });
}
