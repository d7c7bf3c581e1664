using Laqa.Crystal;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// One calculator call inside a relaxation, checked: a calculator failure, an exception, numbers of
/// the wrong shape or any non-finite number become a failure reason instead of a step.
/// </summary>
internal sealed record StepEvaluation(CalculationResult? Result, RelaxationStep? Step, string? Failure, bool Cancelled)
{
    public static StepEvaluation Evaluate(ICalculator calculator, Structure structure, double pressure, CancellationToken cancellationToken)
    {
        CalculationResult result;
        try
        {
            result = calculator.Calculate(structure, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new StepEvaluation(null, null, null, true);
        }
        catch (Exception e)
        {
            // The relaxer is the boundary the engine relies on: a crashing calculator ends one candidate, not the run.
            return Failed($"calculator {calculator.Name} threw {e.GetType().Name}: {e.Message}");
        }
        if (!result.Succeeded) return Failed($"calculator {calculator.Name} failed: {result.Failure}");
        return Check(calculator.Name, result, structure, pressure);
    }

    /// <summary>A calculator's result at the structure as a step, or the reason it cannot be one.</summary>
    public static StepEvaluation Check(string calculatorName, CalculationResult result, Structure structure, double pressure)
    {
        if (result.Forces.Length != 3 * structure.Count || result.Stress.Length != 9)
            return Failed($"calculator {calculatorName} returned {result.Forces.Length} force and {result.Stress.Length} stress components for {structure.Count} atoms");
        if (!double.IsFinite(result.Energy)) return Failed($"energy is {result.Energy}");
        if (!AllFinite(result.Forces)) return Failed("a force is not finite");
        if (!AllFinite(result.Stress)) return Failed("a stress component is not finite");

        var stress = result.Stress;
        double maxResidual = 0.0, sumResidual = 0.0;
        for (var k = 0; k < 9; k++)
        {
            var residual = Math.Abs(stress[k] + (k % 4 == 0 ? pressure : 0.0));
            maxResidual = Math.Max(maxResidual, residual);
            sumResidual += residual;
        }
        var maxForce = result.MaxForce;
        if (!double.IsFinite(maxForce)) return Failed("forces too large to measure (overflow)");
        var step = new RelaxationStep(result.Energy, result.Energy / structure.Count, maxForce, result.MeanForceNorm, maxResidual, sumResidual / 9)
        {
            Volume = structure.Lattice.Volume,
            Pressure = -(stress[0] + stress[4] + stress[8]) / 3,
            Forces = result.Forces,
            Stress = stress,
        };
        return new StepEvaluation(result, step, null, false);
    }

    private static StepEvaluation Failed(string reason) => new(null, null, reason, false);

    private static bool AllFinite(double[] values)
    {
        foreach (var x in values)
            if (!double.IsFinite(x)) return false;
        return true;
    }
}
