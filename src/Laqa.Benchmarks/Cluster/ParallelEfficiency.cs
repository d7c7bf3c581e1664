using System.Diagnostics;

namespace Laqa.Benchmarks.Cluster;

/// <summary>
/// One setting of the efficiency measurement: batch time, worker processes, workers in each, the
/// selector's prefetch.
/// </summary>
public sealed record EfficiencyPoint(TimeSpan Delay, int Processes, int WorkersPerProcess, int Prefetch)
{
    public int Workers => Processes * WorkersPerProcess;
}

/// <summary>
/// A campaign of fixed work on worker processes of sleeping workers: every candidate converges after a
/// fixed number of batches of Delay each. The worker processes are started and joined first, then all
/// told to start at once. Window: from the first batch result applied on the campaign node to the last.
/// Efficiency = (Batches − Workers) × Delay / (Workers × Window): each worker's first batch is left out,
/// as it ran before the window opened. WarmEfficiency: the batches applied after the first half of them,
/// × Delay / (Workers × the time they took), once the fresh worker processes' just-in-time compilation is
/// mostly done. From the times the worker processes report, the two parts of the time a worker spends
/// not sleeping: Oversleep, the mean time a batch's sleep ends past Delay (the operating system had no
/// core for the thread at once), and HandOff, the mean time from the end of a batch's sleep to the start
/// of the worker's next batch (the engine in the worker process, and the wait for a job when none is
/// queued). Processor time per batch applied: the campaign node's (this process's) over the window, and
/// the worker processes' together from their start signal to the campaign's end.
/// </summary>
public sealed record ParallelEfficiency(
    EfficiencyPoint Point, long Batches, TimeSpan Window, double Efficiency, double WarmEfficiency, TimeSpan Oversleep, TimeSpan HandOff,
    TimeSpan CampaignProcessorPerBatch, TimeSpan WorkerProcessorPerBatch)
{
    public static async Task<ParallelEfficiency> MeasureAsync(string campaignDir, EfficiencyPoint point, int batchesPerWorker, int batchesPerCandidate)
    {
        var candidates = batchesPerWorker * point.Workers / batchesPerCandidate;
        var batches = (long)candidates * batchesPerCandidate;
        await using var campaign = CampaignNode.Start(campaignDir, ClusterCampaign.Settings(candidates, point.Prefetch));
        var started = new List<WorkerProcess>();
        try
        {
            for (var i = 0; i < point.Processes; i++)
                started.Add(WorkerProcess.Start(campaign.Address, point.WorkersPerProcess, point.Delay, batchesPerCandidate));
            await Task.WhenAll(started.Select(p => p.Up));
            var processorBefore = started.Sum(p => p.ProcessorTime.TotalSeconds);
            foreach (var process in started) process.Go();
            var result = await campaign.Result;
            var workerProcessor = TimeSpan.FromSeconds(started.Sum(p => p.ProcessorTime.TotalSeconds) - processorBefore);
            if (!result.Finished || result.Totals.Batches != batches)
                throw new InvalidOperationException($"the campaign ended with {result.Totals.Batches} batches ({result.EndReason}), not {batches}");
            var window = Stopwatch.GetElapsedTime(campaign.AppliedAt(1), campaign.AppliedAt(batches));
            var secondHalf = Stopwatch.GetElapsedTime(campaign.AppliedAt(batches / 2), campaign.AppliedAt(batches));
            var workers = started.SelectMany(p => p.Workers).ToList();
            var oversleep = workers.SelectMany(w => w.Starts.Zip(w.WakeUps, (start, woke) => Stopwatch.GetElapsedTime(start, woke) - point.Delay));
            var handOff = workers.SelectMany(w => w.WakeUps.Zip(w.Starts.Skip(1), Stopwatch.GetElapsedTime));
            return new ParallelEfficiency(point, batches, window,
                (batches - point.Workers) * point.Delay / (point.Workers * window),
                (batches - batches / 2) * point.Delay / (point.Workers * secondHalf),
                Mean(oversleep), Mean(handOff), campaign.Sampler.ProcessorPerBatch, workerProcessor / batches);
        }
        finally
        {
            foreach (var process in started) process.Dispose();
        }
    }

    private static TimeSpan Mean(IEnumerable<TimeSpan> times)
    {
        var list = times.ToList();
        return list.Count == 0 ? TimeSpan.Zero : list.Aggregate(TimeSpan.Zero, (sum, t) => sum + t) / list.Count;
    }
}
