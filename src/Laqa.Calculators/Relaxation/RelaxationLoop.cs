using Laqa.Crystal;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// The step loop every relaxer shares: evaluate the current geometry, record it, stop if
/// converged, otherwise let the optimizer move atoms and cell. The next step depends only on the
/// structure and the packed optimizer state, so batches of any size follow the same path.
/// </summary>
internal static class RelaxationLoop
{
    public static RelaxationBatch Advance(ICalculator calculator, RelaxationOptions options, RelaxationState state,
        ICellOptimizer optimizer, int maxSteps, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        var structure = state.Structure;
        var steps = new List<RelaxationStep>(maxSteps);
        var coordinates = LogStrainFrame.CoordinatesFor(structure);
        var generalizedForces = new double[coordinates];
        var displacement = new double[coordinates];
        RelaxationBatch End(RelaxationOutcome outcome) =>
            new(steps, new RelaxationState(structure, optimizer.Pack(), state.StepsTaken + steps.Count), outcome);
        // Step numbers count over all batches; a failed evaluation is the step after the last recorded one.
        RelaxationBatch Fail(int stepNumber, string reason) => End(RelaxationOutcome.Failed) with { FailureReason = $"step {stepNumber}: {reason}" };

        while (steps.Count < maxSteps && !cancellationToken.IsCancellationRequested)
        {
            var evaluation = StepEvaluation.Evaluate(calculator, structure, options.Pressure, cancellationToken);
            if (evaluation.Cancelled) break;
            if (evaluation.Failure is { } failure) return Fail(state.StepsTaken + steps.Count + 1, failure);
            var step = evaluation.Step!;
            steps.Add(step);
            if (step.MaxForce <= options.Fmax && step.MaxAbsStress <= options.Smax)
                return End(RelaxationOutcome.Converged);

            optimizer.Frame.WriteForces(evaluation.Result!, structure, options, generalizedForces);
            if (optimizer.Step(generalizedForces, displacement) is { } stepFailure)
                return Fail(state.StepsTaken + steps.Count, stepFailure);
            var next = optimizer.Frame.Displace(structure, displacement, options, out var boundsFailure);
            if (next is null) return Fail(state.StepsTaken + steps.Count, boundsFailure!);
            structure = next;
        }
        return End(RelaxationOutcome.Running);
    }
}
