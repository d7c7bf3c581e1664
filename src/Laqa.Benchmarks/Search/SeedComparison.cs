using Laqa.Search.Replay;

namespace Laqa.Benchmarks.Search;

/// <summary>
/// One seed of a campaign: its final best (candidate and energy per atom), how many candidates end
/// within <see cref="SearchBenchmarks.SameMinimum"/> of it, the total steps of the campaign (the same for
/// every policy, since each relaxes every candidate to its end), and each policy's replay, rs first.
/// </summary>
public sealed record SeedComparison(long Seed, int? BestCandidate, double BestEnergyPerAtom, int CandidatesAtBest, long TotalSteps, IReadOnlyList<ReplayResult> Replays);
