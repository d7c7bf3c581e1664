using Laqa.Engine;
using Laqa.Engine.Workers;
using Laqa.Search;
using Laqa.Search.Campaign;

namespace Laqa.Benchmarks.Cluster;

/// <summary>
/// The campaign of the cluster benchmark: laqa-async over the fixed Si16 cell, no calculator on the
/// campaign node (its workers are other processes), and <see cref="CampaignLog"/> as its Akka logger.
/// </summary>
public static class ClusterCampaign
{
    private const string Fingerprint = "cluster benchmark, sleeping relaxer";
    private const int StepsPerBatch = 10;
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromSeconds(60);

    public static EngineSettings Settings(int candidates, int prefetch) => new(
        candidates,
        new SearchSpec(SearchAlgorithm.Laqa, new LaqaOptions(10, LaqaMode.Async, new LaqaWeights()), int.MaxValue),
        StepsPerBatch, 0, BatchTimeout, 2, null, Fingerprint)
    {
        Prefetch = prefetch,
        ConfigText = $"akka.loggers = [\"{typeof(CampaignLog).FullName}, {typeof(CampaignLog).Assembly.GetName().Name}\"]",
    };

    /// <summary>What the worker processes' calculator workers are told: the same campaign.</summary>
    public static WorkerOptions WorkerOptions => new(Fingerprint, BatchTimeout, WorkerSpec.Default.ResendInterval);
}
