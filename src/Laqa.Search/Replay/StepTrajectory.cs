namespace Laqa.Search.Replay;

/// <summary>
/// One candidate's whole relaxation step by step, and how it ended (Converged, Failed or StepLimit; Failed
/// with no steps when generation failed). Our relaxers carry their optimizer state across batches, so
/// the steps do not depend on the batch length (RelaxerTests.BatchesContinueBitForBitLikeOneRun): one
/// recording serves every batch length, cut into batches by <see cref="Batched"/>.
/// </summary>
public sealed record StepTrajectory(int Id, IReadOnlyList<StepRecord> Steps, CandidateStatus End)
{
    /// <summary>
    /// The snapshots the engine would report with batches of batchLength steps: Created, then one per
    /// batch with the batch's last step, dF from its last two steps (<see cref="LaqaScore.ForceChange"/>),
    /// Relaxing until the last batch, which carries <see cref="End"/>. A generation failure is a single
    /// Failed snapshot without steps.
    /// </summary>
    public CandidateTrajectory Batched(int batchLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchLength, 1);
        if (End is not (CandidateStatus.Converged or CandidateStatus.Failed or CandidateStatus.StepLimit))
            throw new InvalidOperationException($"candidate {Id} ends {End}; a recorded trajectory ends converged, failed or at the step limit");
        if (Steps.Count == 0)
            return new CandidateTrajectory(Id, End == CandidateStatus.Failed
                ? [CandidateSnapshot.Created(Id) with { Status = CandidateStatus.Failed }]
                : throw new InvalidOperationException($"candidate {Id} ends {End} without a step"));
        var snapshots = new List<CandidateSnapshot> { CandidateSnapshot.Created(Id) };
        for (var start = 0; start < Steps.Count; start += batchLength)
        {
            var end = Math.Min(start + batchLength, Steps.Count);
            var last = Steps[end - 1];
            var forces = new double[end - start];
            for (var k = start; k < end; k++) forces[k - start] = Steps[k].MeanForceNorm;
            snapshots.Add(new CandidateSnapshot(Id, end == Steps.Count ? End : CandidateStatus.Relaxing, last.EnergyPerAtom, last.MeanForceNorm,
                LaqaScore.ForceChange(forces), last.MeanAbsStress, end, snapshots.Count, last.PressureVolumePerAtom));
        }
        return new CandidateTrajectory(Id, snapshots);
    }
}
