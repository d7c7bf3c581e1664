using Laqa.Search.Replay;

namespace Laqa.Search.Tests;

public class PolicyReplayTests
{
    // Three candidates with hand-made trajectories (10-step batches; default weights wF 0.1, wS 10, no stress):
    //   0: batch 1 E -1.0, F 1.0, dF 0.5 -> L = 1.0 + 0.1·1/(2·0.5) = 1.1; batch 2 converges at E -1.2 after 5 steps.
    //   1: batch 1 E -2.0, F 0.1, dF 0.1 -> L = 2.005; batch 2 E -2.1, F 0.05, dF 0.05 -> L = 2.1025; batch 3 converges at E -2.2 after 5 steps.
    //   2: batch 1 converges at E -3.0 after 8 steps: the final best.
    private static readonly CandidateTrajectory[] Trajectories =
    [
        new(0, [CandidateSnapshot.Created(0),
            new(0, CandidateStatus.Relaxing, -1.0, 1.0, 0.5, 0, 10, 1),
            new(0, CandidateStatus.Converged, -1.2, 0.01, 0.01, 0, 15, 2)]),
        new(1, [CandidateSnapshot.Created(1),
            new(1, CandidateStatus.Relaxing, -2.0, 0.1, 0.1, 0, 10, 1),
            new(1, CandidateStatus.Relaxing, -2.1, 0.05, 0.05, 0, 20, 2),
            new(1, CandidateStatus.Converged, -2.2, 0.01, 0.01, 0, 25, 3)]),
        new(2, [CandidateSnapshot.Created(2),
            new(2, CandidateStatus.Converged, -3.0, 0.01, 0.01, 0, 8, 1)]),
    ];

    private static AppliedBatch[] Batches(params (int Id, int Steps, bool Converged)[] batches) =>
        [.. batches.Select(b => new AppliedBatch(b.Id, b.Steps, b.Converged))];

    [Fact]
    public void RsWithOneWorkerRelaxesEachCandidateToItsEndInIdOrder()
    {
        var result = PolicyReplay.Run(Snapshots.Policy("rs", 3), Trajectories);

        Assert.Equal(Batches((0, 10, false), (0, 5, true), (1, 10, false), (1, 10, false), (1, 5, true), (2, 8, true)), result.Applied);
        Assert.Equal(2, result.BestCandidate);
        Assert.Equal(48, result.StepsToBest);
        Assert.Equal(48, result.TotalSteps);
    }

    [Fact]
    public void LaqaSyncRunsSelectionZeroThenTheHighestScores()
    {
        var result = PolicyReplay.Run(Snapshots.Policy("sync", 3, nselect: 1), Trajectories);

        Assert.Equal(Batches((0, 10, false), (1, 10, false), (2, 8, true), (1, 10, false), (1, 5, true), (0, 5, true)), result.Applied);
        Assert.Equal(2, result.BestCandidate);
        Assert.Equal(28, result.StepsToBest);
        Assert.Equal(48, result.TotalSteps);
    }

    [Fact]
    public void RsWithTwoInFlightCompletesBatchesInTheOrderTheyWereTaken()
    {
        var result = PolicyReplay.Run(Snapshots.Policy("rs", 3), Trajectories, inFlight: 2);

        // The two lowest unfinished ids stay in flight: 2 starts only when 0 is done.
        Assert.Equal(Batches((0, 10, false), (1, 10, false), (0, 5, true), (1, 10, false), (2, 8, true), (1, 5, true)), result.Applied);
        Assert.Equal(43, result.StepsToBest);
    }

    [Fact]
    public void StepsToTheFirstConvergedOfASetStopAtWhicheverConvergesFirst()
    {
        var result = PolicyReplay.Run(Snapshots.Policy("sync", 3, nselect: 1), Trajectories);

        Assert.Equal(28, result.StepsToFirstConverged(new HashSet<int> { 0, 2 }));
        Assert.Equal(43, result.StepsToFirstConverged(new HashSet<int> { 1 }));
        Assert.Null(result.StepsToFirstConverged(new HashSet<int>()));
    }

    [Fact]
    public void TheFinalBestIsTheLowestEnergyOfCandidatesThatDidNotFailLowestIdOnATie()
    {
        CandidateSnapshot[] finals =
        [
            new(0, CandidateStatus.Failed, -9.0, 0, 1, 0, 10, 1),
            new(1, CandidateStatus.Relaxing, -4.0, 0.2, 0.1, 0, 2000, 200),
            new(2, CandidateStatus.Converged, -4.0, 0.01, 0.01, 0, 80, 8),
            new(3, CandidateStatus.Failed, 0, 0, 1, 0, 0, 0),
        ];
        Assert.Equal(1, FinalBest.Of(finals));
        Assert.Null(FinalBest.Of([finals[0], finals[3]]));
    }

    [Fact]
    public void APolicyThatAsksForMoreThanATrajectoryHoldsIsAnError()
    {
        CandidateTrajectory[] cut = [new(0, [CandidateSnapshot.Created(0), new(0, CandidateStatus.Relaxing, -1, 1, 0.5, 0, 10, 1)])];

        Assert.Throws<InvalidOperationException>(() => PolicyReplay.Run(Snapshots.Policy("rs", 1), cut));
    }
}
