using static Laqa.Search.Tests.Snapshots;

namespace Laqa.Search.Tests;

/// <summary>Behaviour every policy shares.</summary>
public class SelectionPolicyTests
{
    public static TheoryData<string> Names => ["rs", "sync", "async"];

    [Theory, MemberData(nameof(Names))]
    public void ARequeuedBatchIsTakenAgainAndRecordedOnce(string name)
    {
        var policy = Created(name, 2);
        var first = policy.Take();
        policy.Requeue(first);

        Assert.Empty(policy.InFlight);
        var taken = new[] { policy.Take(), policy.Take() };
        Assert.Equal([0, 1], taken.Order());
        foreach (var id in taken) policy.Observe(Snapshots.Relaxing(id, -1, 1));
        Assert.Equal(1, policy.History.SelectMany(r => r.Batches).Count(b => b == new SelectedBatch(first, 0)));
    }

    [Theory, MemberData(nameof(Names))]
    public void RequeueOfACandidateNotInFlightChangesNothing(string name)
    {
        var policy = Created(name, 2);
        var id = policy.Take();
        policy.Requeue(1 - id);

        Assert.Equal([id], policy.InFlight);
        Assert.Equal(1 - id, policy.Take());
        policy.AssertNothingReady();
    }

    [Theory, MemberData(nameof(Names))]
    public void FinishedOnlyWhenEveryCandidateExistsIsDoneAndNothingIsInFlight(string name)
    {
        var policy = Policy(name, 3, nselect: 1, maxSteps: 20);
        Assert.False(policy.IsFinished);
        policy.Observe(CandidateSnapshot.Created(0) with { Status = CandidateStatus.Failed });
        policy.Observe(CandidateSnapshot.Created(1));
        Assert.Equal(1, policy.Take());
        policy.Observe(Converged(1, -1, 1));
        Assert.False(policy.IsFinished);
        policy.Observe(CandidateSnapshot.Created(2));
        Assert.Equal(2, policy.Take());
        policy.Observe(Relaxing(2, -1, 1));
        Assert.Equal(2, policy.Take());
        Assert.False(policy.IsFinished);
        policy.Observe(Relaxing(2, -1, 2));

        // 20 steps reached: candidate 2 is out of steps although still Relaxing.
        Assert.True(policy.IsFinished);
        policy.AssertNothingReady();
    }

    [Theory, MemberData(nameof(Names))]
    public void AnOlderSnapshotThanTheLatestIsIgnored(string name)
    {
        var policy = Created(name, 2, nselect: 1);
        Assert.Equal(0, policy.Take());
        Assert.Equal(1, policy.Take());
        policy.Observe(Converged(0, -1, 1));
        policy.Observe(Relaxing(0, -1, 0));
        policy.Observe(Relaxing(1, -1, 1));

        Assert.Equal(1, policy.Take());
        policy.AssertNothingReady();
    }

    [Theory, MemberData(nameof(Names))]
    public void ARepeatedSnapshotDoesNotEndTheBatchInFlight(string name)
    {
        var policy = Created(name, 1);
        Assert.Equal(0, policy.Take());
        policy.Observe(CandidateSnapshot.Created(0));

        Assert.Equal([0], policy.InFlight);
        policy.AssertNothingReady();
    }

    [Theory, MemberData(nameof(Names))]
    public void UnknownIdsAreRejected(string name)
    {
        var policy = Policy(name, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Observe(CandidateSnapshot.Created(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Observe(CandidateSnapshot.Created(-1)));
    }

    [Theory, MemberData(nameof(Names))]
    public void NoCandidatesIsFinishedAtOnce(string name)
    {
        Assert.True(Policy(name, 0).IsFinished);
    }

    [Theory, MemberData(nameof(Names))]
    public void RestoreIsOnlyForAFreshPolicy(string name)
    {
        var policy = Created(name, 1);
        Assert.Throws<InvalidOperationException>(() => policy.Restore([]));
    }
}
