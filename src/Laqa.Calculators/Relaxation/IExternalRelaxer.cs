namespace Laqa.Calculators.Relaxation;

/// <summary>
/// A relaxer whose batches run inside an external program (the program's own optimizer takes the
/// steps), each in a work folder named after its candidate and batch. A batch returns each step's
/// energy, forces and stress and the structure to continue from, as an embedded relaxer does, but
/// the program starts its optimizer afresh each batch, so batches of different sizes follow
/// different paths, and a batch run again gives consistent, not bitwise equal, numbers.
/// Cancellation kills the program and throws OperationCanceledException: a batch cut short has no
/// usable steps.
/// </summary>
public interface IExternalRelaxer : IRelaxer
{
    RelaxationBatch Advance(RelaxationState state, int maxSteps, BatchLabel label, CancellationToken cancellationToken = default);
}

/// <summary>Names a batch's work folder: its candidate and batch number.</summary>
public sealed record BatchLabel(string Candidate, int Batch);
