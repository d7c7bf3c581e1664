using System.Globalization;

namespace Laqa.Benchmarks.Cluster;

/// <summary>
/// Several nodes (issue 12): the campaign node in this process with no workers of its own, and worker
/// nodes as child processes of this executable (<see cref="BenchmarkWorkerNode"/>), one sleeping worker
/// each. Parallel efficiency with 1 to 8 worker processes, then how fast a worker process joins, and how
/// fast the jobs of one killed or leaving are dispatched again. Each campaign runs in a scratch folder
/// that is deleted afterwards.
/// </summary>
public static class ClusterBenchmark
{
    private const int Repetitions = 3;
    private const int FailoverRepetitions = 5;
    private const int BatchesPerCandidate = 5;
    private const double EfficiencyTarget = 0.95;
    // Start-up amortised: at least 40 batches per worker, and at least a minute of them.
    private const int MinBatchesPerWorker = 40;
    private static readonly TimeSpan MinBatchTimePerWorker = TimeSpan.FromSeconds(60);
    private static readonly EfficiencyPoint Target = new(TimeSpan.FromMilliseconds(100), 8, 1, 1);
    // One worker per process and the default prefetch for 1 to 8 processes; at the target's setting also
    // without a queued job, and its 8 workers in one process.
    private static readonly EfficiencyPoint[] EfficiencyPoints =
    [
        .. new[] { TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1) }.SelectMany(d => new[] { 1, 2, 4, 8 }.Select(n => Target with { Delay = d, Processes = n })),
        Target with { Prefetch = 0 }, Target with { Processes = 1, WorkersPerProcess = 8 },
    ];
    private static readonly TimeSpan FailoverDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan JoinTarget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KillTarget = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LeaveTarget = TimeSpan.FromSeconds(1);

    public static int Run(string[] args)
    {
        var loadBefore = LoadAverage();
        var scratch = Directory.CreateTempSubdirectory("laqa-cluster-bench-");
        try
        {
            var efficiency = new List<ParallelEfficiency>();
            for (var rep = 0; rep < Repetitions; rep++)
                for (var i = 0; i < EfficiencyPoints.Length; i++)
                    efficiency.Add(ParallelEfficiency.MeasureAsync(Path.Combine(scratch.FullName, $"efficiency-{rep}-{i}"), EfficiencyPoints[i],
                        Math.Max(MinBatchesPerWorker, (int)(MinBatchTimePerWorker / EfficiencyPoints[i].Delay)), BatchesPerCandidate).GetAwaiter().GetResult());
            Failover[] failover =
            [
                .. Enumerable.Range(0, FailoverRepetitions)
                    .Select(rep => Failover.MeasureAsync(Path.Combine(scratch.FullName, $"failover-{rep}"), FailoverDelay).GetAwaiter().GetResult()),
            ];
            Console.Write(Section(efficiency, failover, loadBefore, LoadAverage()));
            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string Section(List<ParallelEfficiency> efficiency, Failover[] failover, string loadBefore, string loadAfter)
    {
        var efficiencyRows = efficiency.GroupBy(e => e.Point).Select(runs =>
        {
            var point = runs.Key;
            var median = Median(runs.Select(e => e.Efficiency));
            return Row(Ms(point.Delay), $"{point.Processes} × {point.WorkersPerProcess}", $"{point.Prefetch}",
                $"{runs.First().Batches:N0}", Spread(runs.Select(e => e.Window.TotalSeconds), "F1", " s"), Spread(runs.Select(e => e.Efficiency), "F3"),
                Spread(runs.Select(e => e.WarmEfficiency), "F3"), Spread(runs.Select(e => e.Oversleep.TotalMilliseconds), "F1", " ms"),
                Spread(runs.Select(e => e.HandOff.TotalMilliseconds), "F1", " ms"), Spread(runs.Select(e => e.CampaignProcessorPerBatch.TotalMilliseconds), "F1", " ms"),
                Spread(runs.Select(e => e.WorkerProcessorPerBatch.TotalMilliseconds), "F1", " ms"),
                point == Target ? $"≥ {EfficiencyTarget:F2}" : "-", point == Target ? Verdict(median >= EfficiencyTarget, $"{median - EfficiencyTarget:+0.000;-0.000}") : "-");
        });
        var failoverRows = new[]
        {
            TimeRow("worker process launch → node up", failover.Select(f => f.LaunchToUp)),
            TimeRow("node up → its first batch starts", failover.Select(f => f.UpToFirstStart)),
            TimeRow("node up → its first batch applied", failover.Select(f => f.UpToFirstApplied), JoinTarget),
            TimeRow("worker process launch → its first batch applied", failover.Select(f => f.LaunchToFirstApplied)),
            TimeRow("SIGKILL → marked unreachable (failure detector)", failover.Select(f => f.KillToUnreachable)),
            TimeRow("SIGKILL → removed from the cluster (split-brain resolver, stable-after 10 s)", failover.Select(f => f.KillToRemoved)),
            TimeRow("SIGKILL → its jobs dispatched again", failover.Select(f => f.KillToRedispatch), KillTarget),
            TimeRow($"SIGTERM (graceful leave) → its jobs dispatched again (on its worker's word `left` {failover.Count(f => f.LeaveHeard)} times, on death watch `stopped` {failover.Count(f => !f.LeaveHeard)} times)",
                failover.Select(f => f.TermToRedispatch), LeaveTarget),
        };
        return string.Create(CultureInfo.InvariantCulture, $"""

            ## Several nodes (issue 12)

            Load average (1, 5, 15 min) at the start: {loadBefore}; at the end: {loadAfter}.

            Parallel efficiency: laqa-async, candidates converging after {BatchesPerCandidate} batches of 10 steps each; median (range) of {Repetitions} campaigns.

            | batch time D | worker processes × workers each | prefetch | batches | window | efficiency | efficiency, second half | oversleep per batch | hand-off per batch | processor time per batch, campaign node | processor time per batch, worker processes | target | met |
            |---|---|---:|---:|---|---|---|---|---|---|---|---|---|
            {string.Join('\n', efficiencyRows)}

            Joining and leaving a running campaign of {Ms(FailoverDelay)} batches with one other busy worker process: median (range) of {FailoverRepetitions} campaigns.

            | measure | time | target | met |
            |---|---|---|---|
            {string.Join('\n', failoverRows)}

            - The campaign node runs in the benchmark process (`CampaignHost.RunAsync`, campaign role only, `workers = 0`, journal in SQLite); each worker node is a child process of the benchmark executable (`cluster-worker --join 127.0.0.1:PORT --workers N --delay-ms D --batches B`) started through `EngineNode.StartProxyAsync`, `EngineNode.JoinAsync` and `StartWorkers(N, …)`, with a relaxer that sleeps D per batch (honouring cancellation) and returns the no-op relaxer's steps. All on loopback, one machine.
            - Efficiency = (batches − workers) × D / (workers × window), window from the first batch result applied on the campaign node to the last; each worker's first batch is left out, as it ran before the window opened. The worker processes are started and joined before any of them takes work, so process start-up is not in the window, but their just-in-time compilation is; second half: the batches applied after the first half of them, × D / (workers × the time they took). Oversleep: how far past D a batch's sleep ended (the operating system had no core for the thread at once); hand-off: from the end of a batch's sleep to the start of the worker's next batch (the worker process's engine, and any wait for a job); both means over every batch, from the worker processes' own timestamps (one monotonic clock for the machine). Processor time per batch: the benchmark process's (the campaign node's) over the window, and the worker processes' together from their start to the campaign's end, each divided by the batches.
            - Joining: launch is `Process.Start` in the benchmark; up is the node seeing itself Up (or WeaklyUp); applied is the first batch the campaign node reports applied after the joining worker's first batch ended (a result of the busy worker landing in between would make it earlier by at most the delivery time).
            - Killed and leaving workers: each is hit half-way through a {Ms(FailoverDelay)} batch. Unreachable and removed are the campaign node's Akka log lines (`Marking node(s) as UNREACHABLE`, `Member removed`; the split-brain resolver's decision is logged by the cluster's leader, which may be a worker node); dispatched again is the selector's line `worker … stopped|left; dispatching its N jobs again`: its jobs are back in the queue, ahead of any other, and run as soon as a worker has room.

            Reproduce: `dotnet run -c Release --project src/Laqa.Benchmarks -- cluster`

            """);
    }

    private static string TimeRow(string measure, IEnumerable<TimeSpan> times, TimeSpan? target = null)
    {
        var seconds = times.Select(t => t.TotalSeconds).ToList();
        var median = Median(seconds);
        var time = median < 1 ? Spread(seconds.Select(s => s * 1000), "F0", " ms") : Spread(seconds, "F2", " s");
        return Row(measure, time, target is { } t ? $"< {t.TotalSeconds:G} s" : "-",
            target is { } limit ? Verdict(median < limit.TotalSeconds, median < limit.TotalSeconds ? $"{limit.TotalSeconds - median:F2} s to spare" : $"{median - limit.TotalSeconds:F2} s over") : "-");
    }

    private static string Spread(IEnumerable<double> values, string format, string unit = "")
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{Median(sorted).ToString(format, CultureInfo.InvariantCulture)}{unit} ({sorted[0].ToString(format, CultureInfo.InvariantCulture)}–{sorted[^1].ToString(format, CultureInfo.InvariantCulture)})");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The first three fields of /proc/loadavg: other processes on the machine slow the nodes' start and their messages, not the sleeping batches.</summary>
    private static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Ms(TimeSpan t) => t < TimeSpan.FromSeconds(1) ? $"{t.TotalMilliseconds:F0} ms" : $"{t.TotalSeconds:G} s";

    private static string Verdict(bool met, string margin) => met ? $"yes, {margin}" : $"no, {margin}";

    private static string Row(params string[] cells) => $"| {string.Join(" | ", cells)} |";
}
