using System.Diagnostics;
using Laqa.Engine.Hosting;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// The engine's ceiling with a relaxer that computes nothing: batches applied (persisted by their
/// candidates) per second, counted by the campaign's progress from the first applied batch to the
/// last, and the processor time the process used meanwhile. Startup counts the time from RunAsync's start to the first applied batch, which includes
/// creating (and persisting) every candidate. StepsInFolder: the steps the campaign holds at the end
/// (the step limit, passed by the batches in flight when it was reached).
/// </summary>
public sealed record PersistedThroughput(int Candidates, int Workers, long Batches, TimeSpan Window, TimeSpan Startup, long StepsInFolder,
    long CpuSampledBatches, TimeSpan CpuSampled)
{
    public double BatchesPerSecond => Batches / Window.TotalSeconds;

    /// <summary>Processor time the whole process used per batch (every thread: actors, journal, GC), sampled every 50 ms in the window.</summary>
    public TimeSpan CpuPerBatch => CpuSampled / CpuSampledBatches;

    private static readonly TimeSpan CpuSampleInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<PersistedThroughput> MeasureAsync(string campaignDir, int candidates, int workers, int batchesPerCandidate)
    {
        var settings = NoOpCampaign.Settings(candidates, workers, (long)candidates * batchesPerCandidate * NoOpCampaign.StepsPerBatch);
        var started = Stopwatch.GetTimestamp();
        long firstAt = 0, lastAt = 0, firstBatches = 0, lastBatches = 0;
        long cpuSampledAt = 0, cpuSampledBatches = 0;
        TimeSpan firstCpu = default, lastCpu = default;
        var result = await CampaignHost.RunAsync(settings, campaignDir, new FixedStructures(), () => new NoOpRelaxer(), progress =>
        {
            var batches = progress.Totals.Batches;
            if (batches == 0 || batches == lastBatches) return;
            var now = Stopwatch.GetTimestamp();
            if (firstAt == 0) (firstAt, firstBatches, cpuSampledAt, firstCpu) = (now, batches, now, Process.GetCurrentProcess().TotalProcessorTime);
            else if (Stopwatch.GetElapsedTime(cpuSampledAt, now) > CpuSampleInterval)
                (cpuSampledAt, cpuSampledBatches, lastCpu) = (now, batches, Process.GetCurrentProcess().TotalProcessorTime);
            (lastAt, lastBatches) = (now, batches);
        });
        if (!result.Finished) throw new InvalidOperationException("the no-op campaign stopped before its step limit");
        return new PersistedThroughput(candidates, workers, lastBatches - firstBatches, Stopwatch.GetElapsedTime(firstAt, lastAt),
            Stopwatch.GetElapsedTime(started, firstAt), result.Totals.Steps, cpuSampledBatches - firstBatches, lastCpu - firstCpu);
    }
}
