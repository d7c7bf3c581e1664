using Laqa.Calculators.Relaxation;
using Laqa.Engine.Workers;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>The worker's queue alone: a supplied clock, no actor and no message.</summary>
public sealed class WorkerQueueTests
{
    private static readonly TimeSpan Resend = TimeSpan.FromSeconds(5);
    private static readonly FakeCampaign Campaign = new(Seed: 3, Candidates: 4, StepsPerBatch: 2);

    private static RunBatch StateFor(RelaxBatch job) =>
        new(job.JobId, job.CandidateId, job.BatchNumber, RelaxationState.Start(Campaign.Source.Generate(job.CandidateId, CancellationToken.None).Structure), 2);

    private static FinishedJob Failure(Guid jobId, int candidateId) => new(jobId, candidateId, null, "batch failed");

    private static (GenerateStructure? Generate, RunBatch? Run)? Start(WorkerQueue queue) =>
        queue.TryStart(out var generate, out var run) ? (generate, run) : null;

    [Fact]
    public void JobsStartOneAtATimeInTheOrderAssignedAndABatchOnlyOnceItsStateArrived()
    {
        var queue = new WorkerQueue(Resend);
        var batch = new RelaxBatch(Guid.NewGuid(), 1, 0);
        var generate = new GenerateStructure(Guid.NewGuid(), 2);
        queue.Assign(batch, nowMs: 0);
        queue.Assign(generate);
        Assert.Null(Start(queue));

        var state = StateFor(batch);
        queue.StateArrived(state);
        Assert.Equal((null, state), Start(queue));
        Assert.True(queue.IsRunning);
        Assert.Null(Start(queue));

        queue.Finish(Failure(batch.JobId, 1), nowMs: 10);
        Assert.Equal((generate, null), Start(queue));
        Assert.False(queue.HoldsNothing);
    }

    [Fact]
    public void AJobForACandidateReplacesItsWaitingJobAndTheReplacedJobsLateStateIsDropped()
    {
        var queue = new WorkerQueue(Resend);
        var lost = new RelaxBatch(Guid.NewGuid(), 3, 0);
        var retry = lost with { JobId = Guid.NewGuid() };
        queue.Assign(lost, nowMs: 0);
        queue.Assign(retry, nowMs: 100);

        queue.StateArrived(StateFor(lost));
        Assert.Null(Start(queue));
        var state = StateFor(retry);
        queue.StateArrived(state);
        Assert.Equal((null, state), Start(queue));
        queue.Finish(Failure(retry.JobId, 3), nowMs: 200);
        Assert.Null(Start(queue));
    }

    [Fact]
    public void ADeclinedBatchIsDroppedAndTheJobBehindItStarts()
    {
        var queue = new WorkerQueue(Resend);
        var declined = new RelaxBatch(Guid.NewGuid(), 0, 4);
        var generate = new GenerateStructure(Guid.NewGuid(), 1);
        queue.Assign(declined, nowMs: 0);
        queue.Assign(generate);
        queue.Declined(declined.JobId);
        Assert.Equal((generate, null), Start(queue));
        Assert.Equal((null, null), queue.Due(nowMs: 60_000));
    }

    [Fact]
    public void ResultsLeaveOneAtATimeEachAfterThePreviousOneIsSettled()
    {
        var queue = new WorkerQueue(Resend);
        var (first, second) = (new GenerateStructure(Guid.NewGuid(), 0), new GenerateStructure(Guid.NewGuid(), 1));
        queue.Assign(first);
        queue.Assign(second);
        Start(queue);
        Assert.Equal(first.JobId, queue.Finish(Failure(first.JobId, 0), nowMs: 0)!.JobId);
        Start(queue);
        Assert.Null(queue.Finish(Failure(second.JobId, 1), nowMs: 1));

        Assert.Null(queue.Settled(second.JobId, nowMs: 2));
        Assert.Equal(first.JobId, queue.Unsettled!.JobId);
        Assert.Equal(second.JobId, queue.Settled(first.JobId, nowMs: 3)!.JobId);
        Assert.Null(queue.Settled(second.JobId, nowMs: 4));
        Assert.True(queue.HoldsNothing);
    }

    [Fact]
    public void AnUnsettledResultIsDeliveredAgainEveryResendIntervalAndAMissingStateIsAskedForAgain()
    {
        var queue = new WorkerQueue(Resend);
        var generate = new GenerateStructure(Guid.NewGuid(), 0);
        var waiting = new RelaxBatch(Guid.NewGuid(), 1, 2);
        queue.Assign(generate);
        Start(queue);
        queue.Assign(waiting, nowMs: 1_000);
        var result = queue.Finish(Failure(generate.JobId, 0), nowMs: 2_000)!;

        Assert.Equal((null, null), queue.Due(nowMs: 6_000));
        Assert.Equal((result, waiting), queue.Due(nowMs: 7_001));
        Assert.Equal((null, null), queue.Due(nowMs: 12_000));
        Assert.Equal((result, waiting), queue.Due(nowMs: 12_002));

        // While a job runs, the next batch's state is not overdue: it is only needed once that job ends.
        queue.StateArrived(StateFor(waiting));
        Start(queue);
        var next = new RelaxBatch(Guid.NewGuid(), 2, 0);
        queue.Assign(next, nowMs: 12_002);
        Assert.Null(queue.Due(nowMs: 30_000).AskAgain);
        queue.Finish(Failure(waiting.JobId, 1), nowMs: 30_000);
        Assert.Equal(next, queue.Due(nowMs: 30_001).AskAgain);
    }

    [Fact]
    public void OnAStopTheJobsWaitingAreGivenBackUnrunAfterTheResultsAlreadyFinished()
    {
        var queue = new WorkerQueue(Resend);
        var running = new GenerateStructure(Guid.NewGuid(), 0);
        var (waitingBatch, waitingGenerate) = (new RelaxBatch(Guid.NewGuid(), 1, 3), new GenerateStructure(Guid.NewGuid(), 2));
        queue.Assign(running);
        Start(queue);
        queue.Assign(waitingBatch, nowMs: 0);
        queue.Assign(waitingGenerate);
        var finished = queue.Finish(Failure(running.JobId, 0), nowMs: 1)!;

        Assert.Null(queue.GiveBackWaiting(nowMs: 2));
        Assert.Null(Start(queue));
        queue.StateArrived(StateFor(waitingBatch));
        Assert.Null(Start(queue));
        var givenBack = new[] { queue.Settled(finished.JobId, nowMs: 3)!, queue.Settled(waitingBatch.JobId, nowMs: 4)! };
        Assert.Equal([(waitingBatch.JobId, 1, true), (waitingGenerate.JobId, 2, true)], givenBack.Select(f => (f.JobId, f.CandidateId, f.Abandoned)));
        Assert.All(givenBack, f => Assert.Null(f.Result));
        Assert.Null(queue.Settled(waitingGenerate.JobId, nowMs: 5));
        Assert.True(queue.HoldsNothing);
    }

    [Fact]
    public void HandingBackGivesTheUnsettledResultFirstThenTheFinishedOnesAndLeavesNothingHeld()
    {
        var queue = new WorkerQueue(Resend);
        var jobs = Enumerable.Range(0, 3).Select(id => new GenerateStructure(Guid.NewGuid(), id)).ToList();
        foreach (var job in jobs) queue.Assign(job);
        foreach (var job in jobs)
        {
            Start(queue);
            queue.Finish(Failure(job.JobId, job.CandidateId), nowMs: 0);
        }

        Assert.Equal(jobs.Select(j => j.JobId), queue.HandBack().Select(f => f.JobId));
        Assert.True(queue.HoldsNothing);
        Assert.Empty(queue.HandBack());
    }
}
