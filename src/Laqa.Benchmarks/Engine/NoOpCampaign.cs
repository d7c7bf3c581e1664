using Laqa.Search;
using Laqa.Engine;

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
}
