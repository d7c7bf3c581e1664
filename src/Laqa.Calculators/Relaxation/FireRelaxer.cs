namespace Laqa.Calculators.Relaxation;

/// <summary>
/// FIRE (Bitzek et al., PRL 97, 170201 (2006)) on atoms and cell together, step for step as ASE's
/// FIRE with ASE's defaults, the cell in log-deformation coordinates as ASE's FrechetCellFilter
/// (<see cref="LogStrainFrame"/>), under an external pressure.
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

    public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default) =>
        RelaxationLoop.Advance(_calculator, _options, state, FireOptimizer.Unpack(state.Optimizer, state.Structure, _parameters), maxSteps, cancellationToken);
}
