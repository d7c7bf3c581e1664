using Laqa.Search.Policies;

namespace Laqa.Search;

public static class SelectionPolicies
{
    /// <summary>The policy for a campaign of candidateCount candidates with ids 0 .. candidateCount-1, relaxed stepsPerBatch steps per batch.</summary>
    public static ISelectionPolicy Create(SearchSpec spec, int candidateCount, int stepsPerBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(candidateCount);
        return spec.Algorithm == SearchAlgorithm.Race ? new RacePolicy(spec, candidateCount, stepsPerBatch) : Create(spec, candidateCount);
    }

    /// <summary>The policy for a campaign of candidateCount candidates with ids 0 .. candidateCount-1; race needs the batch length (the overload above).</summary>
    public static ISelectionPolicy Create(SearchSpec spec, int candidateCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(candidateCount);
        return (spec.Algorithm, spec.Laqa.Mode) switch
        {
            (SearchAlgorithm.Race, _) => throw new ArgumentException("race needs the batch length: SelectionPolicies.Create(spec, candidateCount, stepsPerBatch)", nameof(spec)),
            (SearchAlgorithm.Rs, _) => new RandomSearchPolicy(spec, candidateCount),
            (SearchAlgorithm.Laqa, LaqaMode.Sync) => new LaqaSyncPolicy(spec, candidateCount),
            (SearchAlgorithm.Laqa, LaqaMode.Async) => new LaqaAsyncPolicy(spec, candidateCount),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "unknown search algorithm"),
        };
    }
}
