namespace Laqa.Calculators.Relaxation;

/// <summary>An optimizer's state on the combined atom and cell coordinates of a <see cref="LogStrainFrame"/>, and its step rule.</summary>
internal interface ICellOptimizer
{
    LogStrainFrame Frame { get; }

    /// <summary>
    /// Turns the generalized forces at the current geometry into the displacement to apply,
    /// updating the optimizer's own state; returns a reason instead when the numbers overflow.
    /// </summary>
    string? Step(double[] generalizedForces, double[] displacement);

    /// <summary>Every number the next step needs; unpacking it restores this optimizer exactly.</summary>
    OptimizerState Pack();
}
