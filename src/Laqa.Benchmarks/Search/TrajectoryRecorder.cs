using Laqa.Calculators.Relaxation;
using Laqa.Engine;
using Laqa.Engine.Candidates;
using Laqa.Engine.Workers;
using Laqa.Search;
using Laqa.Search.Campaign;
using Laqa.Search.Replay;

namespace Laqa.Benchmarks.Search;

/// <summary>
/// Relaxes every candidate of a campaign to its end, batch by batch, as the engine's workers and
/// candidate actors would: the structure from the campaign's own generator (seed, i), the relaxer the
/// spec names advanced steps-per-batch at a time, each batch folded into a <see cref="CandidateState"/>
/// with the engine's events, until the candidate converges, fails or reaches max-steps-per-candidate.
/// A generation that throws, or a batch with non-finite numbers, fails the candidate without a batch,
/// as the engine does once its retries (which give the same result) are used up. Candidates run in
/// parallel, each with its own relaxer.
/// </summary>
public static class TrajectoryRecorder
{
    public static IReadOnlyList<CandidateTrajectory> Record(CampaignSpec spec, int parallelism) =>
        EveryCandidate.Relax(spec, parallelism, (id, structures, relaxer) => Relax(id, structures, relaxer, spec));

    private static CandidateTrajectory Relax(int id, IStructureSource structures, IRelaxer relaxer, CampaignSpec spec)
    {
        var state = CandidateState.Empty(id);
        try
        {
            state = state.Apply(new CandidateCreated(structures.Generate(id, CancellationToken.None).Structure));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            state = state.Apply(new CandidateFailed($"generation failed: {e.Message}"));
        }
        var snapshots = new List<CandidateSnapshot> { state.Snapshot(spec.Search.MaxStepsPerCandidate, spec.Relaxer.ExternalPressure)! };
        while (!spec.Search.IsDone(snapshots[^1]))
        {
            var batch = relaxer.Advance(state.Relaxation!, spec.Relaxer.StepsPerBatch);
            ICandidateEvent[] events = BatchCheck.NonFinite(batch) is { } failure
                ? [new CandidateFailed(failure)]
                : batch.Outcome switch
                {
                    RelaxationOutcome.Converged => [BatchCompleted.From(state.NextBatch, batch), new CandidateConverged()],
                    RelaxationOutcome.Failed => [BatchCompleted.From(state.NextBatch, batch), new CandidateFailed(batch.FailureReason ?? "relaxation failed")],
                    _ => [BatchCompleted.From(state.NextBatch, batch)],
                };
            foreach (var e in events) state = state.Apply(e);
            snapshots.Add(state.Snapshot(spec.Search.MaxStepsPerCandidate, spec.Relaxer.ExternalPressure)!);
        }
        return new CandidateTrajectory(id, snapshots);
    }
}
