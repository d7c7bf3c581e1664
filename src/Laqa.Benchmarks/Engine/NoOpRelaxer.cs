using Laqa.Calculators.Relaxation;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// A relaxer that computes nothing: every batch returns maxSteps plausible steps (energy per atom
/// slowly falling from -4 eV/atom, forces and stresses decaying), the same structure, and an
/// optimizer state the size of FIRE's, so that events weigh what real ones do. It never converges.
/// </summary>
public sealed class NoOpRelaxer : IRelaxer
{
    public const string Kind = "no-op";

    public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default)
    {
        var atoms = state.Structure.Count;
        var steps = new RelaxationStep[maxSteps];
        for (var i = 0; i < maxSteps; i++)
        {
            var decay = 1.0 / (1 + state.StepsTaken + i);
            var perAtom = -4.0 - 0.1 * (1 - decay);
            steps[i] = new RelaxationStep(perAtom * atoms, perAtom, 2 * decay, decay, 0.02 * decay, 0.01 * decay);
        }
        var optimizer = new OptimizerState(Kind, new double[3 * atoms + 9 + 2]);
        return new RelaxationBatch(steps, new RelaxationState(state.Structure, optimizer, state.StepsTaken + maxSteps), RelaxationOutcome.Running);
    }
}
