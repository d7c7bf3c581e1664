using System.Diagnostics;
using Laqa.Calculators.Relaxation;

namespace Laqa.Benchmarks.Engine;

/// <summary>Decorator that records how long every Advance of the wrapped relaxer takes, in wall time and in the thread's processor time.</summary>
public sealed class TimedRelaxer(IRelaxer inner, ComputeClock clock) : IRelaxer
{
    public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var processorStart = CpuTime.ThreadSeconds();
        try
        {
            return inner.Advance(state, maxSteps, cancellationToken);
        }
        finally
        {
            clock.Record(start, Stopwatch.GetTimestamp(), CpuTime.ThreadSeconds() - processorStart);
        }
    }
}
