using System.Diagnostics;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// <see cref="PersistedThroughput"/> on PostgreSQL with the candidates spread over as many campaign nodes as
/// Nodes holds: this process's node (campaign role, the workers, and the campaign and selector singletons, being
/// the oldest) and <see cref="CampaignNodeProcess"/>es, started once this node holds the campaign's lease. No node
/// is Up before all have joined, so the 16 candidate shards are spread over all of them from the first candidate
/// on. Nodes: each node's whole run (start-up, joining and collection included), this process's first; its
/// PostgreSQL commands show how the journal's work was spread.
/// </summary>
public sealed record PostgresThroughput(PersistedThroughput Throughput, IReadOnlyList<NodeRun> Nodes)
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);

    /// <summary>The batches the campaign holds at the end (all of them, not only those in the window).</summary>
    public long BatchesInCampaign => Throughput.StepsInFolder / NoOpCampaign.StepsPerBatch;

    public static async Task<PostgresThroughput> MeasureAsync(string campaignDir, string campaign, int campaignNodes, int candidates, int workers, int batchesPerCandidate,
        int journalParallelism = 0)
    {
        var maxTotalSteps = (long)candidates * batchesPerCandidate * NoOpCampaign.StepsPerBatch;
        var settings = NoOpCampaign.OnPostgres(NoOpCampaign.Settings(candidates, workers, maxTotalSteps), PostgresScratchDatabase.Variable, campaign, campaignNodes, journalParallelism);
        var others = new List<CampaignNodeProcess>();
        using var limit = new CancellationTokenSource(RunLimit);
        using var operations = new NpgsqlOperations();
        try
        {
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var throughput = await PersistedThroughput.MeasureAsync(Path.Combine(campaignDir, "node-0"), settings, () =>
            {
                for (var i = 1; i < campaignNodes; i++)
                    others.Add(CampaignNodeProcess.Start(Path.Combine(campaignDir, $"node-{i}"), campaign, candidates, maxTotalSteps, campaignNodes, journalParallelism));
            }, limit.Token);
            var (commands, waited) = operations.Now;
            var self = new NodeRun(true, Process.GetCurrentProcess().TotalProcessorTime - processor, commands, waited);
            var ended = await Task.WhenAll(others.Select(o => o.Ended)).WaitAsync(RunLimit);
            if (ended.Any(e => !e.Finished)) throw new InvalidOperationException("a further campaign node's run did not finish the campaign");
            return new PostgresThroughput(throughput, [self, .. ended]);
        }
        finally
        {
            foreach (var other in others) other.Dispose();
        }
    }
}
