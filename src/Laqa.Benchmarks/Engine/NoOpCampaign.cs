using Laqa.Search;
using Laqa.Engine;
using Laqa.Search.Campaign;

namespace Laqa.Benchmarks.Engine;

/// <summary>The campaign the no-op benchmarks run: laqa-async over Si16 cells that the no-op relaxer never changes.</summary>
public static class NoOpCampaign
{
    public const int StepsPerBatch = 10;

    public static EngineSettings Settings(int candidates, int workers, long maxTotalSteps) => new(
        candidates,
        new SearchSpec(SearchAlgorithm.Laqa, new LaqaOptions(10, LaqaMode.Async, new LaqaWeights()), int.MaxValue),
        StepsPerBatch, workers, TimeSpan.FromSeconds(60), 2, maxTotalSteps,
        $"engine benchmark, no-op relaxer, {candidates} candidates");

    /// <summary>
    /// The same campaign with its journal in campaign's schema of the PostgreSQL database whose connection string
    /// is in the environment variable connectionEnv; campaignNodes > 1: no node is made Up (so no candidate is
    /// created) before that many campaign nodes have joined, so the 16 candidate shards spread over all of them.
    /// journalParallelism > 0 overrides the journal's writers per node (journal-postgresql.conf), for comparison.
    /// </summary>
    public static EngineSettings OnPostgres(EngineSettings settings, string connectionEnv, string campaign, int campaignNodes, int journalParallelism = 0) => settings with
    {
        Provider = PersistenceProvider.PostgreSql,
        PostgreSqlConnectionEnv = connectionEnv,
        CampaignName = campaign,
        ConfigText = string.Join('\n', new[]
        {
            campaignNodes > 1 ? $"akka.cluster.role.campaign.min-nr-of-members = {campaignNodes}" : "",
            journalParallelism > 0 ? $"akka.persistence.journal.sql.parallelism = {journalParallelism}" : "",
        }.Where(line => line.Length > 0)),
    };
}
