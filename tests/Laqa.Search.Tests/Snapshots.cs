namespace Laqa.Search.Tests;

internal static class Snapshots
{
    /// <summary>A relaxing candidate whose LAQA score with default weights is exactly -energy (no force, no stress).</summary>
    public static CandidateSnapshot Relaxing(int id, double energy, int batches, int stepsPerBatch = 10) =>
        new(id, CandidateStatus.Relaxing, energy, 0, 1, 0, batches * stepsPerBatch, batches);

    public static CandidateSnapshot Converged(int id, double energy, int batches, int stepsPerBatch = 10) =>
        Relaxing(id, energy, batches, stepsPerBatch) with { Status = CandidateStatus.Converged };

    public static SearchSpec Spec(SearchAlgorithm algorithm, LaqaMode mode = LaqaMode.Sync, int nselect = 2, int maxSteps = 1000) =>
        new(algorithm, new LaqaOptions(nselect, mode, new LaqaWeights()), maxSteps);

    public static ISelectionPolicy Policy(string name, int count, int nselect = 2, int maxSteps = 1000) => name switch
    {
        "rs" => SelectionPolicies.Create(Spec(SearchAlgorithm.Rs, nselect: nselect, maxSteps: maxSteps), count),
        "sync" => SelectionPolicies.Create(Spec(SearchAlgorithm.Laqa, LaqaMode.Sync, nselect, maxSteps), count),
        "async" => SelectionPolicies.Create(Spec(SearchAlgorithm.Laqa, LaqaMode.Async, nselect, maxSteps), count),
        // race with batches of 10 steps: a probe of one batch.
        "race" => SelectionPolicies.Create(Spec(SearchAlgorithm.Race, nselect: nselect, maxSteps: maxSteps), count, 10),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static ISelectionPolicy Created(string name, int count, int nselect = 2, int maxSteps = 1000)
    {
        var policy = Policy(name, count, nselect, maxSteps);
        for (var id = 0; id < count; id++) policy.Observe(CandidateSnapshot.Created(id));
        return policy;
    }

    public static int Take(this ISelectionPolicy policy)
    {
        Assert.True(policy.TryTake(out var id), "expected a candidate to be ready");
        return id;
    }

    public static void AssertNothingReady(this ISelectionPolicy policy) => Assert.False(policy.TryTake(out _));
}
