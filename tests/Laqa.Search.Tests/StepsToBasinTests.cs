using Laqa.Search.Replay;

namespace Laqa.Search.Tests;

public class StepsToBasinTests
{
    private static StepTrajectory Trajectory(int id, CandidateStatus end, params double[] energies) =>
        new(id, [.. energies.Select(e => new StepRecord(e, 0, 0))], end);

    // 0: ends at -2.0 (reached at its third step); 1: ends at -1.5; 2: fails after passing -5 (a collapse); 3: ends at -2.0005, within 1 meV of -2.0005 from its second step.
    private static readonly StepTrajectory[] Steps =
    [
        Trajectory(0, CandidateStatus.Converged, -1.0, -1.5, -2.0, -2.0),
        Trajectory(1, CandidateStatus.Converged, -1.0, -1.5),
        Trajectory(2, CandidateStatus.Failed, -1.0, -5.0),
        Trajectory(3, CandidateStatus.StepLimit, -1.9, -1.9996, -2.0005),
    ];

    [Fact]
    public void TheLowestFinalIgnoresFailedCandidatesAndThoseWithoutSteps()
    {
        Assert.Equal(-2.0005, StepsToBasin.LowestFinal([.. Steps, new StepTrajectory(4, [], CandidateStatus.Failed)]));
        Assert.True(double.IsNaN(StepsToBasin.LowestFinal([Steps[2]])));
    }

    [Fact]
    public void CountsEveryEarlierBatchAndTheStepsOfTheReachingBatchUpToTheReachingStep()
    {
        var threshold = -2.0005 + 1e-3;
        AppliedBatch[] applied = [new(1, 2, true), new(2, 2, false), new(0, 2, false), new(3, 3, false), new(0, 2, true)];
        // 2 + 2 (the failed collapse does not count) + 2, then candidate 3 reaches -1.9996 at its second step.
        Assert.Equal(2 + 2 + 2 + 2, StepsToBasin.Of(applied, Steps, threshold));
    }

    [Fact]
    public void ABasinReachedInALaterBatchOfACandidateCountsFromWhereThatBatchStarts()
    {
        AppliedBatch[] applied = [new(0, 2, false), new(1, 2, true), new(0, 2, true)];
        // With a threshold of -1.99 only candidate 0 reaches it, at its third step.
        Assert.Equal(2 + 2 + 1, StepsToBasin.Of(applied, [Steps[0], Steps[1]], -1.99));
        Assert.Null(StepsToBasin.Of(applied, [Steps[0], Steps[1]], -3.0));
    }

    [Fact]
    public void TheOracleTakesTheFewestStepsToTheBasinAmongCandidatesThatEndInIt()
    {
        Assert.Equal(2, StepsToBasin.Oracle(Steps, -2.0005 + 1e-3));
        // Only candidate 3 ends within 0.1 meV: its third step.
        Assert.Equal(3, StepsToBasin.Oracle(Steps, -2.0005 + 1e-4));
        Assert.Null(StepsToBasin.Oracle(Steps, -3.0));
    }
}
