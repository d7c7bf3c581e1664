using System.Diagnostics;
using Laqa.Engine.Hosting;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// The engine's ceiling with a relaxer that computes nothing: batches applied (persisted by their
/// candidates) per second, counted by the campaign's progress from the first applied batch to the
/// last. Startup counts the time from RunAsync's start to the first applied batch, which includes
/// creating (and persisting) every candidate. StepsInFolder: the steps the campaign holds at the end
/// (the step limit, passed by the batches in flight when it was reached).
/// </summary>
public sealed record PersistedThroughput(int Candidates, int Workers, long Batches, TimeSpan Window, TimeSpan Startup, long StepsInFolder)
{
    public double BatchesPerSecond => Batches / Window.TotalSeconds;

    public static async Task<PersistedThroughput> MeasureAsync(string campaignDir, int candidates, int workers, int batchesPerCandidate)
    {
        var settings = NoOpCampaign.Settings(candidates, workers, (long)candidates * batchesPerCandidate * NoOpCampaign.StepsPerBatch);
        var started = Stopwatch.GetTimestamp();
        long firstAt = 0, lastAt = 0, firstBatches = 0, lastBatches = 0;
        var result = await CampaignHost.RunAsync(settings, campaignDir, new FixedStructures(), () => new NoOpRelaxer(), progress =>
        {
            var batches = progress.Totals.Batches;
            if (batches == 0 || batches == lastBatches) return;
            var now = Stopwatch.GetTimestamp();
            if (firstAt == 0) (firstAt, firstBatches) = (now, batches);
            (lastAt, lastBatches) = (now, batches);
        });
        if (!result.Finished) throw new InvalidOperationException("the no-op campaign stopped before its step limit");
        return new PersistedThroughput(candidates, workers, lastBatches - firstBatches, Stopwatch.GetElapsedTime(firstAt, lastAt),
            Stopwatch.GetElapsedTime(started, firstAt), result.Totals.Steps);
    }
}
