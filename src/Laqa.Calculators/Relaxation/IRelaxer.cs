namespace Laqa.Calculators.Relaxation;

/// <summary>
/// A steppable relaxation of atoms and cell: advances a state by at most maxSteps and returns
/// every step and a state to continue from. Advancing 10 steps twice follows the same path as
/// 20 steps once, bit for bit. Never throws for a bad geometry or a failing calculator: the batch
/// then ends Failed with a reason. Cancellation ends the batch between steps, as Running with the
/// steps done so far (which continue on the same path). Throws only for misuse: maxSteps below 1,
/// or an optimizer state of another kind or atom count.
/// </summary>
public interface IRelaxer
{
    RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default);
}
