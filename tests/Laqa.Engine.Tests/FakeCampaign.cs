using Laqa.Engine.CrashHost;
using Laqa.Search;

namespace Laqa.Engine.Tests;

/// <summary>Settings and the closed-form expectations of a campaign on the fake model.</summary>
public sealed record FakeCampaign(long Seed, int Candidates, int StepsPerBatch, double MaxForce = 0.01)
{
    public FakeModel Model { get; } = new(Seed);

    public EngineSettings Settings(int workers, LaqaMode mode = LaqaMode.Async, int nselect = 3, long? maxTotalSteps = null,
        TimeSpan? batchTimeout = null, int maxRetries = 2, int prefetch = 1) => new(
        Candidates,
        new SearchSpec(SearchAlgorithm.Laqa, new LaqaOptions(nselect, mode, new LaqaWeights()), 10_000),
        StepsPerBatch, workers, batchTimeout ?? TimeSpan.FromSeconds(30), maxRetries, maxTotalSteps,
        $"fake-{Seed}-{Candidates}-{StepsPerBatch}")
    {
        Prefetch = prefetch,
    };

    public FakeStructureSource Source => new(Model);

    public FakeRelaxer Relaxer() => new(Model, MaxForce);

    /// <summary>Global index k of the converging step: the first k with exp(-k/τ) ≤ fmax, i.e. ceil(τ ln(1/fmax)).</summary>
    public int ConvergingStep(int id) => (int)Math.Ceiling(Model.DecayOf(id) * Math.Log(1 / MaxForce));

    public int StepsToConverge(int id) => ConvergingStep(id) + 1;

    public int BatchesToConverge(int id) => (StepsToConverge(id) + StepsPerBatch - 1) / StepsPerBatch;

    public double ConvergedEnergyPerAtom(int id) => Model.MinimumOf(id) + Math.Exp(-ConvergingStep(id) / Model.DecayOf(id));

    public int LowestMinimum() => Enumerable.Range(0, Candidates).MinBy(Model.MinimumOf);
}
