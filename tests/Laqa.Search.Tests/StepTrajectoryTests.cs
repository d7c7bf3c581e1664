using Laqa.Search.Replay;

namespace Laqa.Search.Tests;

public class StepTrajectoryTests
{
    // Seven steps: energy -1 - 0.1 k, mean force 1/(k+1), stress 0.01 k; converged at the seventh.
    private static readonly StepTrajectory Seven = new(4,
        [.. Enumerable.Range(0, 7).Select(k => new StepRecord(-1 - 0.1 * k, 1.0 / (k + 1), 0.01 * k))], CandidateStatus.Converged);

    [Fact]
    public void BatchesOfThreeReportEachBatchsLastStepWithItsForceChangeAndTheEndOnTheLast()
    {
        var t = Seven.Batched(3);

        Assert.Equal(4, t.Id);
        Assert.Equal(CandidateSnapshot.Created(4), t.Snapshots[0]);
        Assert.Equal(new CandidateSnapshot(4, CandidateStatus.Relaxing, -1.2, 1.0 / 3, Math.Abs(1.0 / 3 - 1.0 / 2), 0.02, 3, 1), t.Snapshots[1]);
        Assert.Equal(new CandidateSnapshot(4, CandidateStatus.Relaxing, -1 - 0.1 * 5, 1.0 / 6, Math.Abs(1.0 / 6 - 1.0 / 5), 0.05, 6, 2), t.Snapshots[2]);
        // The last batch has one step: dF 1, as LaqaScore.ForceChange gives it.
        Assert.Equal(new CandidateSnapshot(4, CandidateStatus.Converged, -1.6, 1.0 / 7, 1.0, 0.06, 7, 3), t.Snapshots[3]);
        Assert.Equal(4, t.Snapshots.Count);
    }

    [Fact]
    public void BatchesOfOneStepHaveAForceChangeOfOneAndABatchLongerThanTheTrajectoryIsTheWhole()
    {
        Assert.All(Seven.Batched(1).Snapshots.Skip(1), s => Assert.Equal(1.0, s.ForceChange));
        Assert.Equal(8, Seven.Batched(1).Snapshots.Count);
        var whole = Seven.Batched(100);
        Assert.Equal(2, whole.Snapshots.Count);
        Assert.Equal((CandidateStatus.Converged, 7, 1), (whole.Final.Status, whole.Final.Steps, whole.Final.Batches));
    }

    [Fact]
    public void AGenerationFailureIsOneFailedSnapshotWithoutSteps()
    {
        var t = new StepTrajectory(2, [], CandidateStatus.Failed).Batched(5);
        Assert.Equal([CandidateSnapshot.Created(2) with { Status = CandidateStatus.Failed }], t.Snapshots);
    }

    [Fact]
    public void TheEnthalpyOfAStepAddsPvPerAtomAndABatchSnapshotKeepsIt()
    {
        var t = new StepTrajectory(0, [new StepRecord(-2.0, 0.1, 0, 0.5), new StepRecord(-2.1, 0.05, 0, 0.25)], CandidateStatus.StepLimit);
        Assert.Equal(-1.85, t.Steps[1].EnthalpyPerAtom, 12);
        Assert.Equal(-1.85, t.Batched(2).Final.EnthalpyPerAtom, 12);
        Assert.Equal(CandidateStatus.StepLimit, t.Batched(2).Final.Status);
    }

    [Fact]
    public void ATrajectoryThatHasNotEndedCannotBeCutIntoBatches()
    {
        Assert.Throws<InvalidOperationException>(() => (Seven with { End = CandidateStatus.Relaxing }).Batched(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Seven.Batched(0));
    }

    [Fact]
    public void ReplaysWithAnyBatchLengthApplyEveryStepOfEveryCandidateOnce()
    {
        StepTrajectory[] steps = [Seven with { Id = 0 }, new(1, [.. Seven.Steps.Take(4)], CandidateStatus.StepLimit), new(2, [], CandidateStatus.Failed)];
        foreach (var length in new[] { 1, 2, 3, 10 })
        {
            var result = PolicyReplay.Run(Snapshots.Policy("sync", 3, nselect: 1), [.. steps.Select(t => t.Batched(length))]);
            Assert.Equal(11, result.TotalSteps);
        }
    }
}
