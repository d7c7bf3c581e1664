using static Laqa.Search.Tests.Snapshots;

namespace Laqa.Search.Tests;

public class LaqaSyncPolicyTests
{
    [Fact]
    public void SelectionZeroRunsEveryCandidateThenWaitsForAll()
    {
        var policy = Created("sync", 5, nselect: 2);

        Assert.Equal([0, 1, 2, 3, 4], Enumerable.Range(0, 5).Select(_ => policy.Take()));
        policy.AssertNothingReady();
        double[] energies = [-1.0, -3.0, -2.0, -3.0, -0.5];
        for (var id = 0; id < 4; id++)
        {
            policy.Observe(Relaxing(id, energies[id], 1));
            policy.AssertNothingReady();
        }
        policy.Observe(Relaxing(4, energies[4], 1));

        // Scores are -E: 1.0, 3.0, 2.0, 3.0, 0.5; the top two are 1 and 3 (tie at 3.0 broken by id).
        Assert.Equal(1, policy.Take());
        Assert.Equal(3, policy.Take());
        policy.AssertNothingReady();
        Assert.Equal(
        [
            new SelectionRecord(0, [.. Enumerable.Range(0, 5).Select(id => new SelectedBatch(id, 0))]),
            new SelectionRecord(1, [new SelectedBatch(1, 1), new SelectedBatch(3, 1)]),
        ], policy.History);
    }

    [Fact]
    public void EachSelectionWaitsForAllItsCandidates()
    {
        var policy = Created("sync", 4, nselect: 2);
        for (var id = 0; id < 4; id++) policy.Take();
        for (var id = 0; id < 4; id++) policy.Observe(Relaxing(id, -id, 1));
        Assert.Equal(3, policy.Take());
        Assert.Equal(2, policy.Take());

        policy.Observe(Relaxing(3, 5.0, 2));
        policy.AssertNothingReady();
        policy.Observe(Relaxing(2, -2.5, 2));

        // Now -E is 0, 1, 2.5, -5: candidates 2 and 1.
        Assert.Equal(2, policy.Take());
        Assert.Equal(1, policy.Take());
        Assert.Equal(new SelectionRecord(2, [new SelectedBatch(2, 2), new SelectedBatch(1, 1)]), policy.History[^1]);
    }

    [Fact]
    public void SelectionsTakeTheTopNselectByScoreAgainstABruteForceRanking()
    {
        var random = new Random(11);
        const int count = 30, nselect = 7;
        var policy = Created("sync", count, nselect);
        var latest = Enumerable.Range(0, count).Select(CandidateSnapshot.Created).ToArray();
        for (var round = 0; round < 12 && !policy.IsFinished; round++)
        {
            var taken = new List<int>();
            while (policy.TryTake(out var id)) taken.Add(id);

            var expected = round == 0
                ? Enumerable.Range(0, count).ToList()
                : latest.Where(s => s.Status == CandidateStatus.Relaxing)
                    .OrderByDescending(s => LaqaScore.Of(s, new LaqaWeights())).ThenBy(s => s.Id).Take(nselect).Select(s => s.Id).ToList();
            Assert.Equal(expected, taken);

            foreach (var id in taken)
            {
                var b = latest[id].Batches + 1;
                // Energies on a coarse grid so that ties happen; some candidates converge.
                var e = -random.Next(0, 6) * 0.5;
                latest[id] = random.Next(10) == 0 ? Converged(id, e, b) : Relaxing(id, e, b);
                policy.Observe(latest[id]);
            }
        }
    }

    [Fact]
    public void CandidatesThatFinishLeaveAndTheLastSelectionsShrink()
    {
        var policy = Created("sync", 3, nselect: 2);
        for (var id = 0; id < 3; id++) policy.Take();
        policy.Observe(Converged(0, -5, 1));
        policy.Observe(Relaxing(1, -1, 1));
        policy.Observe(Relaxing(2, -2, 1));

        Assert.Equal(2, policy.Take());
        Assert.Equal(1, policy.Take());
        policy.Observe(Converged(2, -2, 2));
        policy.Observe(Relaxing(1, -1, 2));

        Assert.Equal(1, policy.Take());
        policy.AssertNothingReady();
        Assert.False(policy.IsFinished);
        policy.Observe(Converged(1, -1, 3));

        Assert.True(policy.IsFinished);
        policy.AssertNothingReady();
    }

    [Fact]
    public void SelectionZeroStartsBeforeAllCandidatesExistButEndsOnlyWhenAllRan()
    {
        var policy = Policy("sync", 3, nselect: 1);
        policy.AssertNothingReady();
        policy.Observe(CandidateSnapshot.Created(1));
        Assert.Equal(1, policy.Take());
        policy.Observe(Relaxing(1, -1, 1));
        policy.AssertNothingReady();
        policy.Observe(CandidateSnapshot.Created(0));
        policy.Observe(CandidateSnapshot.Created(2) with { Status = CandidateStatus.Failed });
        Assert.Equal(0, policy.Take());
        policy.Observe(Relaxing(0, -3, 1));

        Assert.Equal(0, policy.Take());
        Assert.Equal(new SelectionRecord(0, [new SelectedBatch(0, 0), new SelectedBatch(1, 0)]), policy.History[0]);
    }
}
