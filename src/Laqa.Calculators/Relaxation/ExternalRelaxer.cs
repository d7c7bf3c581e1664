namespace Laqa.Calculators.Relaxation;

/// <summary>
/// What every <see cref="IExternalRelaxer"/> does before its program runs: names a batch outside a campaign
/// "relax" and the number of steps taken before it, and refuses misuse (maxSteps below 1, an optimizer state
/// another relaxer left).
/// </summary>
public abstract class ExternalRelaxer(string optimizerKind) : IExternalRelaxer
{
    /// <summary>A batch outside a campaign: its folder is named "relax" and the number of steps taken before it.</summary>
    public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default) =>
        Advance(state, maxSteps, new BatchLabel("relax", state.StepsTaken), cancellationToken);

    public RelaxationBatch Advance(RelaxationState state, int maxSteps, BatchLabel label, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        if (state.Optimizer.Kind != OptimizerState.Fresh.Kind && state.Optimizer.Kind != optimizerKind)
            throw new ArgumentException($"optimizer state of kind {state.Optimizer.Kind}, not {optimizerKind}", nameof(state));
        return RunBatch(state, maxSteps, label, cancellationToken);
    }

    /// <summary>Runs the program for one batch in the folder named by label.</summary>
    protected abstract RelaxationBatch RunBatch(RelaxationState state, int maxSteps, BatchLabel label, CancellationToken cancellationToken);
}
