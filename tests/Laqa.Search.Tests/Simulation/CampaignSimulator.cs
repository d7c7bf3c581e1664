namespace Laqa.Search.Tests.Simulation;

/// <summary>
/// Drives a policy over a toy landscape like the engine would: free workers take candidates, batches
/// complete in the order they were dispatched, each result is observed. Deterministic.
/// </summary>
internal sealed class CampaignSimulator(ISelectionPolicy policy, ToyLandscape landscape, int workers, int stepsPerBatch)
{
    private readonly Queue<int> dispatched = new();

    public ISelectionPolicy Policy => policy;
    public int Observations { get; private set; }

    /// <summary>Total applied steps when the ground-state candidate converged, if it did.</summary>
    public long? StepsToGroundState { get; private set; }

    public void CreateAll()
    {
        for (var id = 0; id < landscape.Count; id++) policy.Observe(CandidateSnapshot.Created(id));
    }

    /// <summary>Runs until the policy is finished or <paramref name="maxObservations"/> batch results were observed; returns whether it finished.</summary>
    public bool Run(int maxObservations = int.MaxValue)
    {
        while (Observations < maxObservations)
        {
            while (dispatched.Count < workers && policy.TryTake(out var id))
            {
                Assert.DoesNotContain(id, dispatched);
                dispatched.Enqueue(id);
            }
            if (dispatched.Count == 0)
            {
                Assert.True(policy.IsFinished, "nothing dispatched although the policy is not finished");
                return true;
            }
            var snapshot = landscape.RunBatch(dispatched.Dequeue(), stepsPerBatch);
            policy.Observe(snapshot);
            Observations++;
            if (snapshot.Id == landscape.GroundState && snapshot.Status == CandidateStatus.Converged)
                StepsToGroundState = landscape.TotalSteps;
        }
        return false;
    }

    /// <summary>The batches dispatched but not run are lost, as when the whole system stops.</summary>
    public void Crash() => dispatched.Clear();
}
