using System.Diagnostics;
using Laqa.Engine;
using Laqa.Engine.Hosting;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// The engine's ceiling with a relaxer that computes nothing: batches applied (persisted by their
/// candidates) per second, counted by the campaign's progress from the first applied batch to the
/// last, and the processor time the process used meanwhile. Startup counts the time from RunAsync's start to the first applied batch, which includes
/// creating (and persisting) every candidate. StepsInFolder: the steps the campaign holds at the end
/// (the step limit, passed by the batches in flight when it was reached).
/// </summary>
public sealed record PersistedThroughput(int Candidates, int Workers, long Batches, TimeSpan Window, TimeSpan Startup, long StepsInFolder, TimeSpan CpuPerBatch)
{
    public double BatchesPerSecond => Batches / Window.TotalSeconds;

    public static Task<PersistedThroughput> MeasureAsync(string campaignDir, int candidates, int workers, int batchesPerCandidate) =>
        MeasureAsync(campaignDir, NoOpCampaign.Settings(candidates, workers, (long)candidates * batchesPerCandidate * NoOpCampaign.StepsPerBatch));

    /// <summary>The no-op campaign of these settings, on this process's node; listening is called once the node listens (and holds a PostgreSQL campaign's lease).</summary>
    public static async Task<PersistedThroughput> MeasureAsync(string campaignDir, EngineSettings settings, Action? listening = null, CancellationToken abandonToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var sampler = new BatchProgressSampler();
        var result = await CampaignHost.RunAsync(settings, campaignDir, new FixedStructures(), () => new NoOpRelaxer(), progress => sampler.Observe(progress.Totals.Batches),
            abandonToken: abandonToken, listening: (_, _) => listening?.Invoke());
        if (!result.Finished) throw new InvalidOperationException($"the no-op campaign stopped before its step limit{(result.Abandoned ? " (abandoned)" : "")}");
        return new PersistedThroughput(settings.CandidateCount, settings.Workers, sampler.Batches, sampler.Window, Stopwatch.GetElapsedTime(started, sampler.FirstAt),
            result.Totals.Steps, sampler.ProcessorPerBatch);
    }
}
