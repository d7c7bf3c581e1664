using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine;
using Laqa.Engine.Hosting;
using Laqa.Engine.Workers;
using Laqa.Search;
using Laqa.Search.Campaign;
using Laqa.Search.Replay;

namespace Laqa.Benchmarks.Search;

/// <summary>
/// Relaxes every candidate of a campaign to its end and keeps every step: the structure from the
/// campaign's own generator (seed, i), the relaxer the spec names advanced steps-per-batch at a time
/// (the path does not depend on it), until it converges, fails or has used max-steps-per-candidate. A
/// generation that throws fails the candidate without steps; a batch with non-finite numbers fails it
/// with the steps before that batch, as the engine applies no such batch. Candidates run in parallel.
/// </summary>
public static class StepRecorder
{
    public static IReadOnlyList<StepTrajectory> Record(CampaignSpec spec, int parallelism) =>
        EveryCandidate.Relax(spec, parallelism, (id, structures, relaxer) => Relax(id, structures, relaxer, spec));

    /// <summary>Candidate id relaxed again the same way: its last structure and that step's energy per atom.</summary>
    public static (Structure Structure, double EnergyPerAtom) RelaxAgain(CampaignSpec spec, int id)
    {
        var components = CampaignComponents.From(spec);
        var relaxer = components.RelaxerFactory();
        var state = RelaxationState.Start(components.Structures.Generate(id, CancellationToken.None).Structure);
        var energy = double.NaN;
        for (var steps = 0; steps < spec.Search.MaxStepsPerCandidate;)
        {
            var batch = relaxer.Advance(state, Math.Min(spec.Relaxer.StepsPerBatch, spec.Search.MaxStepsPerCandidate - steps));
            steps += batch.Steps.Count;
            if (batch.Steps.Count > 0) energy = batch.Steps[^1].EnergyPerAtom;
            state = batch.Next;
            if (batch.Outcome != RelaxationOutcome.Running) break;
        }
        return (state.Structure, energy);
    }

    private static StepTrajectory Relax(int id, IStructureSource structures, IRelaxer relaxer, CampaignSpec spec)
    {
        Structure structure;
        try
        {
            structure = structures.Generate(id, CancellationToken.None).Structure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new StepTrajectory(id, [], CandidateStatus.Failed);
        }
        var pressure = spec.Relaxer.ExternalPressure;
        var steps = new List<StepRecord>();
        var state = RelaxationState.Start(structure);
        var max = spec.Search.MaxStepsPerCandidate;
        while (steps.Count < max)
        {
            var batch = relaxer.Advance(state, Math.Min(spec.Relaxer.StepsPerBatch, max - steps.Count));
            if (BatchCheck.NonFinite(batch) is not null) return new StepTrajectory(id, steps, CandidateStatus.Failed);
            steps.AddRange(batch.Steps.Select(s => new StepRecord(s.EnergyPerAtom, s.MeanForceNorm, s.MeanAbsStress, pressure * s.Volume / structure.Count)));
            if (batch.Outcome == RelaxationOutcome.Converged) return new StepTrajectory(id, steps, CandidateStatus.Converged);
            if (batch.Outcome == RelaxationOutcome.Failed) return new StepTrajectory(id, steps, CandidateStatus.Failed);
            state = batch.Next;
        }
        return new StepTrajectory(id, steps, CandidateStatus.StepLimit);
    }
}
