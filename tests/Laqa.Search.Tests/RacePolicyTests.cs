using Laqa.Search.Replay;

namespace Laqa.Search.Tests;

public class RacePolicyTests
{
    private static SearchSpec Spec(int maxSteps = 1000) => Snapshots.Spec(SearchAlgorithm.Race, maxSteps: maxSteps);

    private static ISelectionPolicy Created(int count, int stepsPerBatch)
    {
        var policy = SelectionPolicies.Create(Spec(), count, stepsPerBatch);
        for (var id = 0; id < count; id++) policy.Observe(CandidateSnapshot.Created(id));
        return policy;
    }

    private static CandidateSnapshot Relaxing(int id, double energy, double force, int batches, int stepsPerBatch) =>
        new(id, CandidateStatus.Relaxing, energy, force, 1, 0, batches * stepsPerBatch, batches);

    [Fact]
    public void RaceNeedsTheBatchLength()
    {
        Assert.Throws<ArgumentException>(() => SelectionPolicies.Create(Spec(), 3));
    }

    [Fact]
    public void TheLookAheadEnergyIsTheEnthalpyLessAFifthOfAnAngstromOfTheMeanForce()
    {
        var s = new CandidateSnapshot(0, CandidateStatus.Relaxing, -4.0, 0.5, 0.1, 0.01, 10, 2, PressureVolumePerAtom: 0.25);
        Assert.Equal(-4.0 + 0.25 - 0.2 * 0.5, RaceLookAhead.Of(s), 12);
        Assert.Equal(double.PositiveInfinity, RaceLookAhead.Of(s with { EnergyPerAtom = double.NaN }));
    }

    [Fact]
    public void ProbesInIdOrderAndFinishesAProbeBeforeStartingTheNext()
    {
        // Batches of 5 steps: the probe of 10 steps is 2 batches.
        var policy = Created(3, stepsPerBatch: 5);
        Assert.Equal(0, policy.Take());
        policy.Observe(Relaxing(0, -1.0, 1.0, 1, 5));
        Assert.Equal(0, policy.Take());
        policy.Observe(Relaxing(0, -2.0, 1.0, 2, 5));
        Assert.Equal(1, policy.Take());
    }

    [Fact]
    public void PromotesTheBestParkedCandidateAtEqualProgressOnceFiveAreProbedAndRunsItToItsEnd()
    {
        // One-batch probes (batches of 10 steps). Look-ahead energies after the probe: 0: -1.1, 1: -1.5, 2: -1.0 - 0.2·3 = -1.6, 3: -1.2, 4: -1.3.
        var policy = Created(7, stepsPerBatch: 10);
        double[] energies = [-1.0, -1.4, -1.0, -1.1, -1.2];
        double[] forces = [0.5, 0.5, 3.0, 0.5, 0.5];
        for (var id = 0; id < 5; id++)
        {
            Assert.Equal(id, policy.Take());
            policy.Observe(Relaxing(id, energies[id], forces[id], 1, 10));
        }
        // Candidate 2 is not the lowest energy but has the largest force still to relax.
        Assert.Equal(2, policy.Take());
        policy.Observe(Relaxing(2, -1.7, 0.2, 2, 10));
        Assert.Equal(2, policy.Take());
        policy.Observe(new CandidateSnapshot(2, CandidateStatus.Converged, -1.8, 0.01, 0.01, 0, 25, 3));
        // One promotion for five probed is used up: the next probe.
        Assert.Equal(5, policy.Take());
    }

    [Fact]
    public void OnceEveryCandidateIsProbedTheBestParkedFollowBeyondTheQuota()
    {
        var policy = Created(3, stepsPerBatch: 10);
        double[] energies = [-1.0, -3.0, -2.0];
        for (var id = 0; id < 3; id++)
        {
            Assert.Equal(id, policy.Take());
            policy.Observe(Relaxing(id, energies[id], 0, 1, 10));
        }
        Assert.Equal(1, policy.Take());
        policy.Observe(Snapshots.Converged(1, -3.1, 2));
        Assert.Equal(2, policy.Take());
        policy.Observe(Snapshots.Converged(2, -2.1, 2));
        Assert.Equal(0, policy.Take());
        policy.Observe(Snapshots.Converged(0, -1.1, 2));
        policy.AssertNothingReady();
        Assert.True(policy.IsFinished);
    }

    [Fact]
    public void AParkedCandidateInFlightCountsAsPromotedSoTwoWorkersDoNotPromoteTwice()
    {
        var policy = Created(12, stepsPerBatch: 10);
        for (var id = 0; id < 5; id++)
        {
            Assert.Equal(id, policy.Take());
            policy.Observe(Relaxing(id, -1.0 - id, 0, 1, 10));
        }
        Assert.Equal(4, policy.Take());
        // The promoted candidate is still running: the second worker probes the next one instead of promoting 3.
        Assert.Equal(5, policy.Take());
    }

    [Fact]
    public void TheSelectionHistoryRecordsEachBatchOnceEvenWhenALostBatchIsTakenAgain()
    {
        var policy = Created(2, stepsPerBatch: 10);
        Assert.Equal(0, policy.Take());
        policy.Requeue(0);
        Assert.Equal(0, policy.Take());
        Assert.Equal([new SelectedBatch(0, 0)], policy.History.SelectMany(r => r.Batches));
    }

    [Fact]
    public void ReplayedItReachesTheLowestBasinBeforeRsWhenTheBasinCandidateProbesBestAndComesLate()
    {
        // Ten candidates of 100 steps each (batches of 10); candidate 8 ends lowest and already probes lowest.
        var steps = Enumerable.Range(0, 10).Select(id => new StepTrajectory(id,
            [.. Enumerable.Range(1, 100).Select(k => new StepRecord(-1.0 - (id == 8 ? 2.0 : 0.1 * id) * k / 100.0, 1.0 / k, 0))],
            CandidateStatus.Converged)).ToList();
        var threshold = StepsToBasin.LowestFinal(steps) + 1e-3;
        long? Run(SearchAlgorithm algorithm) =>
            StepsToBasin.Of(PolicyReplay.Run(SelectionPolicies.Create(Snapshots.Spec(algorithm), 10, 10), [.. steps.Select(t => t.Batched(10))]).Applied, steps, threshold);

        // rs relaxes 0..7 to their end first; race probes 0..4, promotes the best of them, probes 5..9, then promotes 8.
        Assert.Equal(8 * 100 + 100, Run(SearchAlgorithm.Rs));
        Assert.Equal(5 * 10 + 90 + 5 * 10 + 90, Run(SearchAlgorithm.Race));
    }
}
