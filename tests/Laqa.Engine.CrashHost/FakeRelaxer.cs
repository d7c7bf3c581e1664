using Laqa.Calculators.Relaxation;
using Laqa.Crystal;

namespace Laqa.Engine.CrashHost;

/// <summary>
/// Test double for a steppable relaxer following <see cref="FakeModel"/>: each step moves the second
/// atom a tenth of the way towards x = 0.5 and evaluates the closed-form energy, force and stress at
/// the global step number. Converged once the mean force norm is at most MaxForce. The optimizer
/// state carries the last energy, so a resumed relaxation must have it back bit for bit.
/// DelayPerStep makes batches take time, as real ones do.
/// </summary>
public sealed class FakeRelaxer(FakeModel model, double maxForce, TimeSpan delayPerStep = default) : IRelaxer
{
    public const string Kind = "fake";

    public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default)
    {
        var id = FakeModel.CandidateOf(state.Structure);
        if (state.Optimizer.Kind != Kind && state.StepsTaken > 0)
            throw new InvalidOperationException($"candidate {id}: optimizer state '{state.Optimizer.Kind}' lost after {state.StepsTaken} steps");
        var minimum = model.MinimumOf(id);
        var decay = model.DecayOf(id);
        var structure = state.Structure;
        var steps = new List<RelaxationStep>();
        var outcome = RelaxationOutcome.Running;
        var k = state.StepsTaken;
        double energy = state.Optimizer.Values.Length > 0 ? state.Optimizer.Values[0] : double.NaN;
        while (steps.Count < maxSteps)
        {
            if (delayPerStep > TimeSpan.Zero) Thread.Sleep(delayPerStep);
            var excess = Math.Exp(-k / decay);
            energy = (minimum + excess) * structure.Count;
            steps.Add(new RelaxationStep(energy, energy / structure.Count, 1.5 * excess, excess, 0.2 * excess, 0.1 * excess));
            k++;
            if (excess <= maxForce)
            {
                outcome = RelaxationOutcome.Converged;
                break;
            }
            var second = structure.Fractional[1];
            structure = structure.WithFractional([structure.Fractional[0], second with { X = second.X + 0.1 * (0.5 - second.X) }]);
        }
        return new RelaxationBatch(steps, new RelaxationState(structure, new OptimizerState(Kind, [energy]), k), outcome);
    }
}
