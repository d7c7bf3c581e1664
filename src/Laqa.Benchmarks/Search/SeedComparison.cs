using Laqa.Search.Replay;

namespace Laqa.Benchmarks.Search;

/// <summary>
/// One seed of a campaign: its final best (candidate and enthalpy per atom, the energy at zero pressure), the candidates that converged
/// within <see cref="SearchBenchmarks.SameMinimum"/> of it (the best minimum, reached by any of them), the
/// total steps of the campaign (the same for every policy, since each relaxes every candidate to its
/// end), and each policy's replay, rs first.
/// </summary>
public sealed record SeedComparison(long Seed, int? BestCandidate, double BestEnthalpyPerAtom, IReadOnlySet<int> AtBest, long TotalSteps, IReadOnlyList<ReplayResult> Replays)
{
    /// <summary>Per policy: steps when the final best converged.</summary>
    public IEnumerable<long?> StepsToBest => Replays.Select(r => r.StepsToBest);

    /// <summary>Per policy: steps when the first candidate of the best minimum converged.</summary>
    public IEnumerable<long?> StepsToBestMinimum => Replays.Select(r => r.StepsToFirstConverged(AtBest));
}
