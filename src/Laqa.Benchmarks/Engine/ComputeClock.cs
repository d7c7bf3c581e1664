using System.Diagnostics;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// Adds up the time spent inside relaxers' Advance calls over all workers, both as wall time and as
/// the processor time the calling threads actually ran (a worker thread preempted by the engine's
/// threads counts in the first, not the second), and the window from the first call's start to the
/// last call's end (Stopwatch timestamps).
/// </summary>
public sealed class ComputeClock
{
    private readonly Lock _gate = new();
    private long _busyTicks;
    private double _busyProcessorSeconds;
    private long _firstStart = long.MaxValue;
    private long _lastEnd = long.MinValue;

    public void Record(long start, long end, double processorSeconds)
    {
        lock (_gate)
        {
            _busyTicks += end - start;
            _busyProcessorSeconds += processorSeconds;
            _firstStart = Math.Min(_firstStart, start);
            _lastEnd = Math.Max(_lastEnd, end);
        }
    }

    public TimeSpan Busy => Stopwatch.GetElapsedTime(0, _busyTicks);

    public TimeSpan BusyProcessor => TimeSpan.FromSeconds(_busyProcessorSeconds);

    public TimeSpan Window => _lastEnd < _firstStart ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_firstStart, _lastEnd);
}
