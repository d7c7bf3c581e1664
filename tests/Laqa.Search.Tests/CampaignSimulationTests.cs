using Laqa.Search.Tests.Simulation;

namespace Laqa.Search.Tests;

public class CampaignSimulationTests
{
    private const int Candidates = 40, StepsPerBatch = 10;

    private static SearchSpec Spec(SearchAlgorithm algorithm, LaqaMode mode = LaqaMode.Sync) =>
        new(algorithm, new LaqaOptions(8, mode, new LaqaWeights()), 1000);

    private static CampaignSimulator Simulate(SearchSpec spec, int seed, int workers)
    {
        var landscape = new ToyLandscape(Candidates, seed, maxStepsPerCandidate: spec.MaxStepsPerCandidate);
        var simulator = new CampaignSimulator(SelectionPolicies.Create(spec, Candidates), landscape, workers, StepsPerBatch);
        simulator.CreateAll();
        Assert.True(simulator.Run());
        return simulator;
    }

    [Theory]
    [InlineData(LaqaMode.Sync, 1)]
    [InlineData(LaqaMode.Async, 1)]
    [InlineData(LaqaMode.Async, 4)]
    public void LaqaReachesTheLowestMinimumInFewerStepsThanRandomSearch(LaqaMode mode, int workers)
    {
        var seeds = Enumerable.Range(1, 10).ToArray();
        var rs = seeds.Select(s => (double)Simulate(Spec(SearchAlgorithm.Rs), s, workers).StepsToGroundState!.Value).ToArray();
        var laqa = seeds.Select(s => (double)Simulate(Spec(SearchAlgorithm.Laqa, mode), s, workers).StepsToGroundState!.Value).ToArray();

        Assert.True(laqa.Sum() < 0.6 * rs.Sum(), $"laqa {laqa.Sum()} vs rs {rs.Sum()} steps");
    }
}
