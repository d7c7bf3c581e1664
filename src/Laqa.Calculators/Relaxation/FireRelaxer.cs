using Laqa.Crystal;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// FIRE (Bitzek et al., PRL 97, 170201 (2006)) on atoms and cell together, step for step as ASE's
/// FIRE, with the cell in log-deformation coordinates as ASE's FrechetCellFilter (see
/// <see cref="LogStrainCell"/>) under an external pressure. Each step evaluates the current
/// geometry, records it, stops if converged, and otherwise moves; every number that the next
/// step needs lives in the returned state, so batches of any size follow the same path.
/// </summary>
public sealed class FireRelaxer : IRelaxer
{
    private readonly ICalculator _calculator;
    private readonly RelaxationOptions _options;
    private readonly FireParameters _parameters;

    public FireRelaxer(ICalculator calculator, RelaxationOptions? options = null, FireParameters? parameters = null)
    {
        _calculator = calculator;
        _options = options ?? RelaxationOptions.Default;
        _parameters = parameters ?? FireParameters.Default;
        _options.Validate();
        _parameters.Validate();
    }

    public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        var structure = state.Structure;
        var fire = FireState.Unpack(state.Optimizer, structure, _parameters);
        var steps = new List<RelaxationStep>(maxSteps);
        var generalizedForces = new double[fire.Velocity.Length];
        var displacement = new double[fire.Velocity.Length];
        var deformation = new double[9];
        RelaxationBatch End(RelaxationOutcome outcome, string? reason = null) =>
            new(steps, new RelaxationState(structure, fire.Pack(), state.StepsTaken + steps.Count), outcome, reason);

        while (steps.Count < maxSteps && !cancellationToken.IsCancellationRequested)
        {
            var evaluation = StepEvaluation.Evaluate(_calculator, structure, _options.Pressure, cancellationToken);
            if (evaluation.Cancelled) break;
            if (evaluation.Failure is { } failure) return End(RelaxationOutcome.Failed, $"step {state.StepsTaken + steps.Count + 1}: {failure}");
            steps.Add(evaluation.Step!);
            if (evaluation.Step!.MaxForce <= _options.Fmax && evaluation.Step.MaxAbsStress <= _options.Smax)
                return End(RelaxationOutcome.Converged);

            LogStrainCell.Exp(fire.LogStrain, deformation, out _, out _);
            LogStrainCell.WriteForces(evaluation.Result!, structure.Lattice.Volume, _options.Pressure, deformation, generalizedForces);
            var moveFailure = Move(fire, generalizedForces, displacement);
            if (moveFailure is not null) return End(RelaxationOutcome.Failed, $"step {state.StepsTaken + steps.Count}: {moveFailure}");
            var next = Displaced(structure, fire, displacement, deformation, out var boundsFailure);
            if (next is null) return End(RelaxationOutcome.Failed, $"step {state.StepsTaken + steps.Count}: {boundsFailure}");
            structure = next;
        }
        return End(RelaxationOutcome.Running);
    }

    /// <summary>
    /// ASE's FIRE step on the combined coordinates: mixes and accelerates the velocity, then turns it
    /// into a displacement no longer than MaxStep. Returns a reason when the numbers overflow.
    /// </summary>
    private string? Move(FireState fire, double[] generalizedForces, double[] displacement)
    {
        var p = _parameters;
        var velocity = fire.Velocity;
        var forceSquared = Dot(generalizedForces, generalizedForces);
        if (!double.IsFinite(forceSquared)) return "forces too large to move on (overflow)";
        if (fire.IsFresh)
        {
            fire.IsFresh = false;
        }
        else if (Dot(generalizedForces, velocity) > 0.0)
        {
            var mixing = fire.Alpha * Math.Sqrt(Dot(velocity, velocity) / forceSquared);
            for (var k = 0; k < velocity.Length; k++)
                velocity[k] = (1.0 - fire.Alpha) * velocity[k] + mixing * generalizedForces[k];
            if (fire.DownhillSteps > p.NMin)
            {
                fire.Dt = Math.Min(fire.Dt * p.FInc, p.DtMax);
                fire.Alpha *= p.FAlpha;
            }
            fire.DownhillSteps++;
        }
        else
        {
            Array.Clear(velocity);
            fire.Alpha = p.AlphaStart;
            fire.Dt *= p.FDec;
            fire.DownhillSteps = 0;
        }

        for (var k = 0; k < velocity.Length; k++)
        {
            velocity[k] += fire.Dt * generalizedForces[k];
            displacement[k] = fire.Dt * velocity[k];
        }
        var stepNorm = Math.Sqrt(Dot(displacement, displacement));
        if (!double.IsFinite(stepNorm)) return "velocities too large to move on (overflow)";
        if (stepNorm > p.MaxStep)
        {
            var scale = p.MaxStep / stepNorm;
            for (var k = 0; k < displacement.Length; k++) displacement[k] *= scale;
        }
        return null;
    }

    /// <summary>
    /// Applies the displacement (atoms in the reference cell, then N·L) to the structure, or returns
    /// null with the reason when the new cell leaves the allowed volume or stretch range.
    /// </summary>
    private Structure? Displaced(Structure structure, FireState fire, ReadOnlySpan<double> step, double[] deformation, out string? failure)
    {
        var atoms = structure.Count;
        var logStrain = fire.LogStrain;
        for (var k = 0; k < 9; k++) logStrain[k] += step[3 * atoms + k] / atoms;
        LogStrainCell.Exp(logStrain, deformation, out var minLogStretch, out var maxLogStretch);
        var volumeRatio = Math.Exp(logStrain[0] + logStrain[4] + logStrain[8]);
        if (!(volumeRatio >= _options.MinVolumeRatio && volumeRatio <= _options.MaxVolumeRatio))
        {
            failure = $"cell volume would reach {volumeRatio:G4} × its starting volume (allowed {_options.MinVolumeRatio}–{_options.MaxVolumeRatio})";
            return null;
        }
        var maxLog = Math.Log(_options.MaxStretch);
        if (!(minLogStretch >= -maxLog && maxLogStretch <= maxLog))
        {
            failure = $"cell would stretch by {Math.Exp(maxLogStretch):G4} and {Math.Exp(minLogStretch):G4} along its principal axes (allowed 1/{_options.MaxStretch}–{_options.MaxStretch})";
            return null;
        }
        failure = null;
        var reference = fire.Reference;
        var fractional = new Vec3[atoms];
        for (var i = 0; i < atoms; i++)
            fractional[i] = structure.Fractional[i] + reference.ToFractional(new Vec3(step[3 * i], step[3 * i + 1], step[3 * i + 2]));
        return new Structure(LogStrainCell.Deform(reference, deformation), structure.Species, fractional);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }
}
