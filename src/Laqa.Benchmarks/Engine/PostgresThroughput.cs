namespace Laqa.Benchmarks.Engine;

/// <summary>
/// <see cref="PersistedThroughput"/> on PostgreSQL with the candidates spread over CampaignNodes campaign nodes:
/// this process's node (campaign role, the workers, and the campaign and selector singletons, being the oldest)
/// and CampaignNodes − 1 <see cref="CampaignNodeProcess"/>es, started once this node holds the campaign's lease.
/// No node is Up before all have joined, so the 16 candidate shards are spread over all of them from the first
/// candidate on. OtherNodesProcessorPerBatch: the other nodes' processor time over their whole run (start-up
/// and collection included) per batch the campaign holds.
/// </summary>
public sealed record PostgresThroughput(int CampaignNodes, PersistedThroughput Throughput, TimeSpan OtherNodesProcessorPerBatch)
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);

    public static async Task<PostgresThroughput> MeasureAsync(string campaignDir, string campaign, int campaignNodes, int candidates, int workers, int batchesPerCandidate)
    {
        var maxTotalSteps = (long)candidates * batchesPerCandidate * NoOpCampaign.StepsPerBatch;
        var settings = NoOpCampaign.OnPostgres(NoOpCampaign.Settings(candidates, workers, maxTotalSteps), PostgresScratchDatabase.Variable, campaign, campaignNodes);
        var others = new List<CampaignNodeProcess>();
        using var limit = new CancellationTokenSource(RunLimit);
        try
        {
            var throughput = await PersistedThroughput.MeasureAsync(Path.Combine(campaignDir, "node-0"), settings, () =>
            {
                for (var i = 1; i < campaignNodes; i++)
                    others.Add(CampaignNodeProcess.Start(Path.Combine(campaignDir, $"node-{i}"), campaign, candidates, maxTotalSteps, campaignNodes));
            }, limit.Token);
            var ended = await Task.WhenAll(others.Select(o => o.Ended)).WaitAsync(RunLimit);
            if (ended.Any(e => !e.Finished)) throw new InvalidOperationException("a further campaign node's run did not finish the campaign");
            var otherProcessor = ended.Aggregate(TimeSpan.Zero, (sum, e) => sum + e.Processor);
            return new PostgresThroughput(campaignNodes, throughput, otherProcessor / (throughput.StepsInFolder / NoOpCampaign.StepsPerBatch));
        }
        finally
        {
            foreach (var other in others) other.Dispose();
        }
    }
}
