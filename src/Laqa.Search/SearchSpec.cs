namespace Laqa.Search;

public enum SearchAlgorithm
{
    /// <summary>Random search: relax each candidate to the end, in id order.</summary>
    Rs,
    /// <summary>Look ahead based on quadratic approximation.</summary>
    Laqa,
    /// <summary>Probe every candidate for a few steps, then relax the best at equal progress (see Policies/RacePolicy).</summary>
    Race,
}

public enum LaqaMode
{
    /// <summary>CrySPY: take the top nselect, wait for all of them, select again.</summary>
    Sync,
    /// <summary>A free worker takes the best-scored candidate not in flight; no barrier.</summary>
    Async,
}

/// <summary>LAQA options: how many candidates each sync selection takes, the mode and the score weights.</summary>
public sealed record LaqaOptions(int NSelect, LaqaMode Mode, LaqaWeights Weights)
{
    public static readonly LaqaOptions Default = new(10, LaqaMode.Sync, new LaqaWeights());
}

/// <summary>The search policy settings: algorithm, LAQA options, and the step budget of one candidate.</summary>
public sealed record SearchSpec(SearchAlgorithm Algorithm, LaqaOptions Laqa, int MaxStepsPerCandidate)
{
    public static readonly SearchSpec Default = new(SearchAlgorithm.Laqa, LaqaOptions.Default, 1000);

    /// <summary>
    /// Converged, failed, or out of steps: the candidate gets no more batches. The step count is
    /// checked too, for snapshots that show Relaxing at the limit (journalled before StepLimit existed).
    /// </summary>
    public bool IsDone(CandidateSnapshot s) => s.IsTerminal || s.Steps >= MaxStepsPerCandidate;
}
