using System.Diagnostics;
using Laqa.Benchmarks.Engine;
using Laqa.Calculators.Relaxation;

namespace Laqa.Benchmarks.Cluster;

/// <summary>
/// A calculator of fixed cost: every batch sleeps for delay (cut short, with an
/// <see cref="OperationCanceledException"/>, when the token is cancelled) and returns the no-op
/// relaxer's steps, so a batch takes delay of wall time whatever else the machine does. A candidate
/// converges at the end of its batchesToConverge-th batch, so C candidates make exactly
/// C × batchesToConverge batches. started and woke are told the <see cref="Stopwatch"/> timestamps at which
/// each batch starts and its sleep ends (late when the machine has no core free for the thread at once).
/// </summary>
public sealed class SleepingRelaxer(TimeSpan delay, int batchesToConverge, Action<long> started, Action<long> woke) : IRelaxer
{
    private readonly NoOpRelaxer _steps = new();

    public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default)
    {
        started(Stopwatch.GetTimestamp());
        if (cancellationToken.WaitHandle.WaitOne(delay)) cancellationToken.ThrowIfCancellationRequested();
        woke(Stopwatch.GetTimestamp());
        var batch = _steps.Advance(state, maxSteps, cancellationToken);
        var batchNumber = state.StepsTaken / maxSteps + 1;
        return batchNumber >= batchesToConverge ? batch with { Outcome = RelaxationOutcome.Converged } : batch;
    }
}
