namespace Laqa.Calculators.Relaxation;

/// <summary>
/// A steppable relaxation of atoms and cell: advances a state by at most maxSteps and returns
/// every step and a state to continue from. Advancing 10 steps twice follows the same path as
/// 20 steps once, bit for bit. Never throws for a bad geometry: the batch then ends Failed.
/// </summary>
public interface IRelaxer
{
    RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default);
}
