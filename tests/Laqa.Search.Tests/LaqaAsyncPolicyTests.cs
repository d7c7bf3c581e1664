using Laqa.Search.Tests.Simulation;
using static Laqa.Search.Tests.Snapshots;

namespace Laqa.Search.Tests;

public class LaqaAsyncPolicyTests
{
    [Fact]
    public void NewCandidatesGoFirstInIdOrderThenTheBestScore()
    {
        var policy = Created("async", 3);
        Assert.Equal(0, policy.Take());
        policy.Observe(Relaxing(0, -7, 1));
        Assert.Equal(1, policy.Take());
        Assert.Equal(2, policy.Take());
        Assert.Equal(0, policy.Take());
        policy.AssertNothingReady();
        policy.Observe(Relaxing(2, -8, 1));
        Assert.Equal(2, policy.Take());
    }

    [Fact]
    public void NeverDispatchesACandidateTwiceAndAlwaysTakesTheBestFreeOne()
    {
        const int count = 25, workers = 4;
        var random = new Random(5);
        var landscape = new ToyLandscape(count, seed: 9, maxStepsPerCandidate: 200);
        var policy = Created("async", count, maxSteps: 200);
        var inFlight = new List<int>();
        var done = new HashSet<int>();
        var weights = new LaqaWeights();

        while (!policy.IsFinished)
        {
            while (inFlight.Count < workers)
            {
                var free = Enumerable.Range(0, count).Where(id => !done.Contains(id) && !inFlight.Contains(id)).ToList();
                if (!policy.TryTake(out var id))
                {
                    Assert.Empty(free);
                    break;
                }
                Assert.DoesNotContain(id, inFlight);
                var best = free.OrderByDescending(i => LaqaScore.Of(landscape.Latest(i), weights)).ThenBy(i => i).First();
                Assert.Equal(best, id);
                inFlight.Add(id);
            }
            var finished = inFlight[random.Next(inFlight.Count)];
            inFlight.Remove(finished);
            if (random.Next(8) == 0)
            {
                policy.Requeue(finished);
                continue;
            }
            var snapshot = landscape.RunBatch(finished, 10);
            if (snapshot.IsTerminal || snapshot.Steps >= 200) done.Add(finished);
            policy.Observe(snapshot);
        }
        Assert.Equal(count, done.Count);
    }
}
