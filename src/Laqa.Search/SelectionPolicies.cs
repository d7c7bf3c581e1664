using Laqa.Search.Policies;

namespace Laqa.Search;

public static class SelectionPolicies
{
    /// <summary>The policy for a campaign of candidateCount candidates with ids 0 .. candidateCount-1.</summary>
    public static ISelectionPolicy Create(SearchSpec spec, int candidateCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(candidateCount);
        return (spec.Algorithm, spec.Laqa.Mode) switch
        {
            (SearchAlgorithm.Rs, _) => new RandomSearchPolicy(spec, candidateCount),
            (SearchAlgorithm.Laqa, LaqaMode.Sync) => new LaqaSyncPolicy(spec, candidateCount),
            (SearchAlgorithm.Laqa, LaqaMode.Async) => new LaqaAsyncPolicy(spec, candidateCount),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "unknown search algorithm"),
        };
    }
}
