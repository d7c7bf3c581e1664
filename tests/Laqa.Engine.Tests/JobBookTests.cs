using Akka.Actor;
using Laqa.Engine.Selection;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>The selector's job book alone: probes only stand for workers, no message is sent.</summary>
public sealed class JobBookTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<IActorRef, string> _nodeOf = [];

    private IActorRef Worker(string node)
    {
        var worker = CreateTestProbe().Ref;
        _nodeOf[worker] = node;
        return worker;
    }

    private JobBook Book(int prefetch = 1, int maxRetries = 1) => new(prefetch, Deadline, maxRetries, w => _nodeOf[w]);

    [Fact]
    public void JobsGoToTheWorkerHoldingFewestUntilEachHoldsOneRunningAndPrefetchQueued()
    {
        var book = Book(prefetch: 1);
        var (a, b) = (Worker("n1"), Worker("n2"));
        book.AddWorker(a, Start);
        book.AddWorker(b, Start);
        var holders = new List<IActorRef>();
        for (var id = 0; book.WorkerWithRoom() is { } worker; id++)
            holders.Add(book.Assign(Job.New(JobKind.Batch, id, 0), worker, 0).Worker!);
        Assert.Equal([a, b, a, b], holders);
        book.Complete(book.Jobs.Single(j => j.CandidateId == 1));
        Assert.Equal(b, book.WorkerWithRoom());
    }

    [Fact]
    public void JobsOfALostWorkerWaitAsTheSameAttemptInCandidateOrderAndOnlyStoppedNodesCount()
    {
        var book = Book(prefetch: 2);
        var lost = Worker("n1");
        book.AddWorker(lost, Start);
        foreach (var id in new[] { 5, 2, 7 }) book.Assign(Job.New(JobKind.Batch, id, 3), lost, 0);

        var loss = book.RemoveWorker(lost, nodeStopped: false, 0)!;
        Assert.Equal([2, 5, 7], loss.Lost.Select(j => j.CandidateId));
        Assert.Empty(loss.Failures);
        Assert.Null(book.WorkerWithRoom());
        Assert.Null(book.RemoveWorker(lost, nodeStopped: true, 0));
        var waiting = book.NextWaiting()!;
        Assert.Equal((2, 1, 0, null, long.MaxValue), (waiting.CandidateId, waiting.Attempt, waiting.NodeStops, waiting.Worker, waiting.DeadlineMs));

        var next = Worker("n2");
        book.AddWorker(next, Start);
        book.Assign(waiting, next, 0);
        Assert.Single(book.RemoveWorker(next, nodeStopped: true, 0)!.Lost);
        Assert.Equal((1, 1), (book.NextWaiting()!.NodeStops, book.NextWaiting()!.Attempt));
    }

    [Fact]
    public void AJobWhoseNodesStoppedTooOftenBecomesAFailureToSendWithADeadline()
    {
        var book = Book();
        Job job = Job.New(JobKind.Batch, 4, 1);
        for (var stop = 1; stop <= JobBook.NodeStopsBeforeFailing; stop++)
        {
            var worker = Worker($"n{stop}");
            book.AddWorker(worker, Start);
            book.Assign(job, worker, 0);
            var loss = book.RemoveWorker(worker, nodeStopped: true, 1000)!;
            if (stop < JobBook.NodeStopsBeforeFailing)
            {
                Assert.Empty(loss.Failures);
                job = book.NextWaiting()!;
                continue;
            }
            var failure = Assert.Single(loss.Failures);
            Assert.Equal((JobKind.Fail, 4, 1000 + (long)Deadline.TotalMilliseconds), (failure.Kind, failure.CandidateId, failure.DeadlineMs));
            Assert.Equal($"the nodes running it stopped {JobBook.NodeStopsBeforeFailing} times", failure.FailureReason);
        }
        Assert.Null(book.NextWaiting());
        Assert.True(book.IsIdle);
        Assert.Equal(1, book.Count);
    }

    [Fact]
    public void AFailedAttemptIsRetriedUntilMaxRetriesThenBecomesAFailureThatIsResentWhenOverdue()
    {
        var book = Book(maxRetries: 1);
        var worker = Worker("n1");
        book.AddWorker(worker, Start);
        var first = book.Assign(Job.New(JobKind.Batch, 0, 2), worker, 0);

        Assert.Null(book.RetryOrFail(first, "boom", 0));
        Assert.False(book.IsCurrent(first));
        var second = book.NextWaiting()!;
        Assert.Equal((2, null), (second.Attempt, second.Worker));
        Assert.Equal(worker, book.WorkerWithRoom());

        second = book.Assign(second, worker, 100);
        Assert.Equal([second], book.Overdue(100 + (long)Deadline.TotalMilliseconds + 1));
        var failure = book.RetryOrFail(second, "no result", 200)!;
        Assert.Equal((JobKind.Fail, "no result", 3), (failure.Kind, failure.FailureReason, failure.Attempt));
        Assert.Null(book.NextWaiting());
        Assert.Empty(book.Overdue(200 + (long)Deadline.TotalMilliseconds));
        var overdue = Assert.Single(book.Overdue(200 + (long)Deadline.TotalMilliseconds + 1));
        Assert.Equal(5000 + (long)Deadline.TotalMilliseconds, book.Resend(overdue, 5000).DeadlineMs);
        Assert.True(book.IsCurrent(overdue));
    }

    [Fact]
    public void EachNodeCountsTheBatchesItsWorkersCompletedAndIsForgottenWithItsLastWorker()
    {
        var book = Book(prefetch: 0);
        var (a1, a2, b) = (Worker("a"), Worker("a"), Worker("b"));
        book.AddWorker(a1, Start);
        book.AddWorker(a2, Start.AddMinutes(1));
        book.AddWorker(b, Start.AddMinutes(2));
        book.AddWorker(a1, Start.AddMinutes(3));
        book.Complete(book.Assign(Job.New(JobKind.Generate, 0, 0), a1, 0));
        book.Complete(book.Assign(Job.New(JobKind.Batch, 1, 0), a2, 0));
        book.Complete(book.Assign(Job.New(JobKind.Batch, 2, 0), a1, 0));
        book.Assign(Job.New(JobKind.Batch, 3, 0), b, 0);

        var load = book.Load();
        Assert.Equal((1, 3), (load.Busy, load.Workers));
        Assert.Equal([new NodeLoad("a", 2, 0, 2, Start), new NodeLoad("b", 1, 1, 0, Start.AddMinutes(2))], load.Nodes);

        book.RemoveWorker(a1, nodeStopped: false, 0);
        book.RemoveWorker(a2, nodeStopped: false, 0);
        book.AddWorker(Worker("a"), Start.AddMinutes(9));
        Assert.Contains(new NodeLoad("a", 1, 0, 0, Start.AddMinutes(9)), book.Load().Nodes);
    }
}
