using Laqa.Search;
using Laqa.Search.Replay;

namespace Laqa.Benchmarks.Search;

/// <summary>
/// One seed of the search table: the lowest final enthalpy per atom any policy finds (every policy
/// relaxes every candidate to its end, so it is the lowest over all candidates that did not fail), how
/// many candidates end within the basin tolerance of it, the total steps, the oracle's bound, and per
/// batch length and policy the steps until the basin is first reached (null: never).
/// </summary>
public sealed record SeedSteps(long Seed, double Lowest, int InBasin, long TotalSteps, long? Oracle, IReadOnlyList<IReadOnlyList<long?>> ToBasin)
{
    public static SeedSteps Replay(long seed, IReadOnlyList<StepTrajectory> steps, IReadOnlyList<int> batchLengths, IReadOnlyList<TablePolicy> policies, int inFlight)
    {
        var lowest = StepsToBasin.LowestFinal(steps);
        var threshold = lowest + SearchTableBenchmarks.BasinTolerance;
        var inBasin = steps.Count(t => t.End != CandidateStatus.Failed && t.Steps.Count > 0 && t.Steps[^1].EnthalpyPerAtom <= threshold);
        var toBasin = new List<IReadOnlyList<long?>>();
        foreach (var length in batchLengths)
        {
            var trajectories = steps.Select(t => t.Batched(length)).ToList();
            toBasin.Add([.. policies.AsParallel().AsOrdered().Select(p =>
                StepsToBasin.Of(PolicyReplay.Run(SelectionPolicies.Create(p.Spec, trajectories.Count, length), trajectories, inFlight).Applied, steps, threshold))]);
        }
        return new SeedSteps(seed, lowest, inBasin, steps.Sum(t => (long)t.Steps.Count), StepsToBasin.Oracle(steps, threshold), toBasin);
    }
}
