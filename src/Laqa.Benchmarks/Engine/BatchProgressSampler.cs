using System.Diagnostics;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// Follows a campaign's applied-batch count through its progress reports, from the first applied
/// batch to the last: the window between them, and the processor time the whole process used per
/// batch (every thread: actors, journal, workers, GC), sampled at most every 50 ms so that reading
/// the process's times does not weigh on what is measured.
/// </summary>
public sealed class BatchProgressSampler
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);
    private long _firstAt, _lastAt, _firstBatches, _lastBatches;
    private long _sampledAt, _sampledBatches;
    private TimeSpan _firstProcessor, _sampledProcessor;

    public void Observe(long batches)
    {
        if (batches == 0 || batches == _lastBatches) return;
        var now = Stopwatch.GetTimestamp();
        if (_firstAt == 0)
        {
            (_firstAt, _firstBatches, _sampledAt, _sampledBatches) = (now, batches, now, batches);
            _firstProcessor = _sampledProcessor = Process.GetCurrentProcess().TotalProcessorTime;
        }
        else if (Stopwatch.GetElapsedTime(_sampledAt, now) > SampleInterval)
            (_sampledAt, _sampledBatches, _sampledProcessor) = (now, batches, Process.GetCurrentProcess().TotalProcessorTime);
        (_lastAt, _lastBatches) = (now, batches);
    }

    public long Batches => _lastBatches - _firstBatches;

    public TimeSpan Window => Stopwatch.GetElapsedTime(_firstAt, _lastAt);

    public long FirstAt => _firstAt;

    public TimeSpan ProcessorPerBatch => _sampledBatches == _firstBatches ? TimeSpan.Zero : (_sampledProcessor - _firstProcessor) / (_sampledBatches - _firstBatches);
}
