namespace Laqa.Search.Replay;

/// <summary>
/// Runs a selection policy over recorded trajectories as the engine would: every candidate is observed
/// at creation, then the policy is asked for candidates until inFlight batches are taken and not yet
/// observed; they complete in the order they were taken, and each one's snapshot is observed before
/// the policy is asked again. inFlight 1 is take one, observe it, take the next; a worker that holds a
/// queued job next to the one it runs keeps two in flight.
/// </summary>
public static class PolicyReplay
{
    public static ReplayResult Run(ISelectionPolicy policy, IReadOnlyList<CandidateTrajectory> trajectories, int inFlight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inFlight, 1);
        for (var i = 0; i < trajectories.Count; i++)
            if (trajectories[i].Id != i) throw new ArgumentException($"trajectory {i} has id {trajectories[i].Id}; ids must run 0 .. n-1 in order", nameof(trajectories));
        var reported = new int[trajectories.Count];
        foreach (var t in trajectories) policy.Observe(t.Snapshots[0]);
        var applied = new List<AppliedBatch>();
        var running = new Queue<int>();
        while (true)
        {
            while (running.Count < inFlight && policy.TryTake(out var taken)) running.Enqueue(taken);
            if (running.Count == 0) break;
            var id = running.Dequeue();
            var trajectory = trajectories[id];
            if (reported[id] + 1 >= trajectory.Snapshots.Count)
                throw new InvalidOperationException($"candidate {id} was taken after the end of its trajectory");
            var previous = trajectory.Snapshots[reported[id]];
            var next = trajectory.Snapshots[++reported[id]];
            if (next.Batches > previous.Batches)
                applied.Add(new AppliedBatch(id, next.Steps - previous.Steps, next.Status == CandidateStatus.Converged));
            policy.Observe(next);
        }
        if (!policy.IsFinished) throw new InvalidOperationException("the policy stopped taking candidates before it finished");
        var best = FinalBest.Of(trajectories.Select(t => t.Snapshots[reported[t.Id]]));
        return new ReplayResult(applied, best, best is { } b ? StepsToBest.Of(applied, b) : null);
    }
}
