namespace Laqa.Calculators.Relaxation;

/// <summary>
/// ASE's BFGS on atoms and cell together, the cell in log-deformation coordinates as ASE's
/// FrechetCellFilter (<see cref="LogStrainFrame"/>), under an external pressure. Usually needs far
/// fewer steps than FIRE near a minimum; its state grows as (3N + 9)².
/// </summary>
public sealed class BfgsRelaxer : IRelaxer
{
    private readonly ICalculator _calculator;
    private readonly RelaxationOptions _options;
    private readonly BfgsParameters _parameters;

    public BfgsRelaxer(ICalculator calculator, RelaxationOptions? options = null, BfgsParameters? parameters = null)
    {
        _calculator = calculator;
        _options = options ?? RelaxationOptions.Default;
        _parameters = parameters ?? BfgsParameters.Default;
        _options.Validate();
        _parameters.Validate();
    }

    public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default) =>
        RelaxationLoop.Advance(_calculator, _options, state, BfgsOptimizer.Unpack(state.Optimizer, state.Structure, _parameters), maxSteps, cancellationToken);
}
