namespace Laqa.Search.Replay;

/// <summary>
/// Steps until a search first reaches the lowest basin: the total steps applied, counted step by step
/// inside each batch, when a candidate that does not fail first has an enthalpy per atom at or below
/// the threshold (e.g. the lowest final enthalpy any search found plus 1 meV/atom). Failed candidates
/// do not count: a rigid-ion cell collapsing can pass any energy on its way to failing.
/// </summary>
public static class StepsToBasin
{
    /// <summary>Null when no applied step reaches the threshold.</summary>
    public static long? Of(IEnumerable<AppliedBatch> inApplicationOrder, IReadOnlyList<StepTrajectory> trajectories, double threshold)
    {
        var reachedAt = trajectories.Select(t => t.End == CandidateStatus.Failed ? null : FirstAtOrBelow(t, threshold)).ToArray();
        var done = new int[trajectories.Count];
        long steps = 0;
        foreach (var batch in inApplicationOrder)
        {
            if (reachedAt[batch.CandidateId] is { } reached && reached < done[batch.CandidateId] + batch.Steps)
                return steps + reached - done[batch.CandidateId] + 1;
            done[batch.CandidateId] += batch.Steps;
            steps += batch.Steps;
        }
        return null;
    }

    /// <summary>
    /// The oracle's bound: the steps if one knew which candidate ends in the basin and relaxed only it, the
    /// fewest steps to the threshold among candidates that end (not failed) at or below it; null if none does.
    /// </summary>
    public static long? Oracle(IReadOnlyList<StepTrajectory> trajectories, double threshold) =>
        trajectories
            .Where(t => t.End != CandidateStatus.Failed && t.Steps.Count > 0 && t.Steps[^1].EnthalpyPerAtom <= threshold)
            .Select(t => (long?)(FirstAtOrBelow(t, threshold)!.Value + 1))
            .Min();

    /// <summary>The lowest final enthalpy per atom among candidates that have steps and did not fail; NaN if none.</summary>
    public static double LowestFinal(IReadOnlyList<StepTrajectory> trajectories) =>
        trajectories.Where(t => t.End != CandidateStatus.Failed && t.Steps.Count > 0).Select(t => t.Steps[^1].EnthalpyPerAtom).DefaultIfEmpty(double.NaN).Min();

    private static int? FirstAtOrBelow(StepTrajectory trajectory, double threshold)
    {
        for (var k = 0; k < trajectory.Steps.Count; k++)
            if (trajectory.Steps[k].EnthalpyPerAtom <= threshold) return k;
        return null;
    }
}
