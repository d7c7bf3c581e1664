using Akka.Actor;
using Akka.Configuration;
using Laqa.Calculators.Relaxation;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Workers;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>One worker, with test probes as selector and candidates, and the fake relaxer as calculator.</summary>
public sealed class CalculatorWorkerTests() : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString("akka.test.single-expect-default = 30s")
    .WithFallback(EngineConfig.Serialization))
{
    private const int StepsPerBatch = 2;
    private static readonly FakeCampaign Campaign = new(Seed: 3, Candidates: 4, StepsPerBatch);

    [Fact]
    public void AJobForACandidateReplacesItsJobStillWaitingForTheCandidatesState()
    {
        var (worker, candidates) = StartWorker();
        var lost = new RelaxBatch(Guid.NewGuid(), 3, 0);
        worker.Tell(lost);
        Assert.Equal(lost.JobId, candidates.ExpectMsg<DispatchBatch>().JobId);

        // The selector gave up on the first job (its answer never came) and sent the batch again.
        var retry = lost with { JobId = Guid.NewGuid() };
        worker.Tell(retry);
        Assert.Equal(retry.JobId, candidates.ExpectMsg<DispatchBatch>().JobId);
        var state = StateOf(3);
        worker.Tell(new RunBatch(retry.JobId, 3, 0, state, StepsPerBatch));

        var result = candidates.ExpectMsg<BatchResult>();
        Assert.Equal((3, 0, retry.JobId), (result.CandidateId, result.BatchNumber, result.Receipt.JobId));
        AssertIsTheBatchOf(state, result.Batch);

        // The first job's late answer is for a job the worker no longer holds.
        worker.Tell(new RunBatch(lost.JobId, 3, 0, state, StepsPerBatch));
        worker.Tell(new ResultSettled(retry.JobId));
        candidates.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void ABatchWhoseStateNeverArrivesIsAskedForAgainAndThenRuns()
    {
        var (worker, candidates) = StartWorker();
        var job = new RelaxBatch(Guid.NewGuid(), 2, 0);
        worker.Tell(job);
        var first = candidates.ExpectMsg<DispatchBatch>();

        // Not at once: a candidate recovering on a busy machine may take a few seconds to answer.
        candidates.ExpectNoMsg(TimeSpan.FromSeconds(5));
        var again = candidates.ExpectMsg<DispatchBatch>(TimeSpan.FromSeconds(15));
        Assert.Equal(first, again);

        var state = StateOf(2);
        worker.Tell(new RunBatch(job.JobId, 2, 0, state, StepsPerBatch));
        var result = candidates.ExpectMsg<BatchResult>();
        Assert.Equal(job.JobId, result.Receipt.JobId);
        AssertIsTheBatchOf(state, result.Batch);
    }

    [Fact]
    public void AResultNotSettledIsDeliveredAgainUntilItIsAndTheNextWaitsForItsSettlement()
    {
        // Shorter than the worker's tick: a result not settled goes again at every tick.
        var (worker, candidates) = StartWorker(resendSeconds: 1);
        var first = new RelaxBatch(Guid.NewGuid(), 0, 0);
        var second = new RelaxBatch(Guid.NewGuid(), 1, 0);
        worker.Tell(first);
        worker.Tell(second);
        foreach (var job in new[] { first, second })
        {
            var dispatch = candidates.ExpectMsg<DispatchBatch>();
            Assert.Equal(job.JobId, dispatch.JobId);
            worker.Tell(new RunBatch(job.JobId, job.CandidateId, 0, StateOf(job.CandidateId), StepsPerBatch));
        }

        // The first result, or its settlement, is lost: the same result comes again, and only it.
        var delivered = candidates.ExpectMsg<BatchResult>();
        Assert.Equal(first.JobId, delivered.Receipt.JobId);
        // Again and again, past the three deliveries after which an earlier version dropped it: a DFT batch's result is never given up.
        for (var delivery = 2; delivery <= 5; delivery++)
        {
            var again = candidates.ExpectMsg<BatchResult>(TimeSpan.FromSeconds(15));
            Assert.Equal((first.JobId, 0), (again.Receipt.JobId, again.CandidateId));
            AssertIsTheBatchOf(StateOf(0), again.Batch);
        }

        worker.Tell(new ResultSettled(first.JobId));
        var next = candidates.ExpectMsg<BatchResult>();
        Assert.Equal((second.JobId, 1), (next.Receipt.JobId, next.CandidateId));
    }

    [Fact]
    public void AWorkerToldToHandBackItsJobsTellsTheSelectorItLeavesAndStops()
    {
        var (worker, candidates, selector) = StartWorkerWithSelector();
        worker.Tell(new RelaxBatch(Guid.NewGuid(), 2, 0));
        candidates.ExpectMsg<DispatchBatch>();
        Watch(worker);

        worker.Tell(new HandBackJobs());

        ExpectMsg<JobsHandedBack>();
        Assert.Equal(worker, selector.FishForMessage<WorkerLeaving>(_ => true).Worker);
        ExpectTerminated(worker);
    }

    [Fact]
    public void ABatchThatTimesOutLeavesItsRelaxerBehindAndTheNextBatchRunsOnAFreshOneWhileACrashKeepsIt()
    {
        // Candidate 1's batch hangs past the timeout ignoring cancellation; candidate 2's throws.
        var faults = new Dictionary<int, (int, Fault)> { [1] = (0, Fault.Hang), [2] = (0, Fault.Throw) };
        var made = 0;
        IRelaxer Relaxer()
        {
            Interlocked.Increment(ref made);
            return new FaultyRelaxer(Campaign.Relaxer(), StepsPerBatch, faults, new(), TimeSpan.FromSeconds(6));
        }
        var selector = CreateTestProbe();
        var candidates = CreateTestProbe();
        var worker = Sys.ActorOf(CalculatorWorker.Props(selector.Ref, candidates.Ref, Campaign.Source, Relaxer,
            new WorkerOptions("test", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30))));
        selector.ExpectMsg<WorkerReady>();

        foreach (var (candidate, expected) in new[] { (2, "InvalidOperationException"), (1, "timed out"), (3, null) })
        {
            var job = new RelaxBatch(Guid.NewGuid(), candidate, 0);
            worker.Tell(job);
            candidates.ExpectMsg<DispatchBatch>();
            worker.Tell(new RunBatch(job.JobId, candidate, 0, StateOf(candidate), StepsPerBatch));
            if (expected is null) Assert.Equal(job.JobId, candidates.ExpectMsg<BatchResult>().Receipt.JobId);
            else Assert.Contains(expected, selector.FishForMessage<JobFailed>(f => f.JobId == job.JobId).Reason);
            worker.Tell(new ResultSettled(job.JobId));
            Assert.Equal(candidate == 2 ? 1 : 2, Volatile.Read(ref made));
        }
    }

    private (IActorRef Worker, Akka.TestKit.TestProbe Candidates) StartWorker(double resendSeconds = 10)
    {
        var (worker, candidates, _) = StartWorkerWithSelector(resendSeconds);
        return (worker, candidates);
    }

    private (IActorRef Worker, Akka.TestKit.TestProbe Candidates, Akka.TestKit.TestProbe Selector) StartWorkerWithSelector(double resendSeconds = 10)
    {
        var selector = CreateTestProbe();
        var candidates = CreateTestProbe();
        var worker = Sys.ActorOf(CalculatorWorker.Props(selector.Ref, candidates.Ref, Campaign.Source, Campaign.Relaxer,
            new WorkerOptions("test", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(resendSeconds))));
        Assert.Equal("test", selector.ExpectMsg<WorkerReady>().Fingerprint);
        return (worker, candidates, selector);
    }

    private static RelaxationState StateOf(int candidateId) => RelaxationState.Start(Campaign.Source.Generate(candidateId, CancellationToken.None).Structure);

    /// <summary>The worker's batch against the relaxer called directly on the same state.</summary>
    private static void AssertIsTheBatchOf(RelaxationState state, RelaxationBatch batch)
    {
        var direct = Campaign.Relaxer().Advance(state, StepsPerBatch);
        Assert.Equal(direct.Steps.Select(s => s.Energy), batch.Steps.Select(s => s.Energy));
        Assert.Equal(direct.Next.StepsTaken, batch.Next.StepsTaken);
    }
}
