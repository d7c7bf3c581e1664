using System.Globalization;
using Laqa.Benchmarks.Engine;

namespace Laqa.Benchmarks;

/// <summary>
/// The journal at scale (issue 14): no-op batches persisted per second on SQLite and on PostgreSQL with the
/// candidates spread over 1, 2 and 3 campaign nodes, the resume of 10,000 candidates from each, and each
/// journal's own ceiling. Needs LAQA_BENCH_POSTGRES (<see cref="PostgresScratchDatabase"/>); options
/// `--candidates N --batches B` (batches per candidate) scale the campaigns down on a slow machine;
/// `--nodes N` measures PostgreSQL on 1 to N campaign nodes (default 3), `--workers W` the no-op workers on the first node (default 100), `--journal-parallelism P` sets the PostgreSQL campaigns' journal writers per node (engine default: 4 on PostgreSQL), for comparison.
/// Campaign folders go in a scratch folder and the campaigns in a scratch database, both deleted afterwards.
/// </summary>
public static class JournalScaleBenchmarks
{
    // The campaign the target stands for: 100 workers (ML-potential or LAMMPS batches of about 100 ms each).
    private const int DefaultWorkers = 100;
    private const int WarmUpCandidates = 1_000;
    private const int ResumeRemainderBatches = 10;
    private const int JournalEvents = 32_000;
    private const double ThroughputTarget = 2_000;
    private static readonly TimeSpan ResumeTarget = TimeSpan.FromSeconds(5);
    private static readonly int[] CampaignNodes = [1, 2, 3];
    private static readonly int[] JournalWriters = [1, 16];

    public static int Run(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(pair => pair[0], pair => int.Parse(pair[^1], CultureInfo.InvariantCulture));
        var candidates = options.GetValueOrDefault("--candidates", 10_000);
        var batches = options.GetValueOrDefault("--batches", 2);
        var events = options.GetValueOrDefault("--journal-events", JournalEvents);
        var parallelism = options.GetValueOrDefault("--journal-parallelism", 0);
        var workers = options.GetValueOrDefault("--workers", DefaultWorkers);
        var maxNodes = options.GetValueOrDefault("--nodes", CampaignNodes[^1]);
        var loadBefore = LoadAverage();
        var scratch = Directory.CreateTempSubdirectory("laqa-journal-scale-");
        var rows = new List<string>();
        // Each row is printed to standard error as soon as it is measured; a measurement that fails gives a row saying so.
        void Measure(string measure, Func<string> row)
        {
            string line;
            try
            {
                line = row();
            }
            catch (Exception e)
            {
                line = Row(measure, "-", $"failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}", "-", "-");
            }
            rows.Add(line);
            Console.Error.WriteLine(line);
        }
        try
        {
            using var database = new PostgresScratchDatabase();
            // One untimed campaign first, so that the tiered JIT has optimised the engine and the journal in this process.
            PersistedThroughput.MeasureAsync(Path.Combine(scratch.FullName, "warm-up"), WarmUpCandidates, workers, batches).GetAwaiter().GetResult();
            var sqliteDir = Path.Combine(scratch.FullName, "sqlite");
            PersistedThroughput? sqlite = null;
            Measure("persisted batches per second, SQLite", () =>
            {
                sqlite = PersistedThroughput.MeasureAsync(sqliteDir, candidates, workers, batches).GetAwaiter().GetResult();
                return ThroughputRow("SQLite", "1 campaign node (this process)", sqlite, null);
            });
            if (sqlite is not null)
                Measure("resume, SQLite", () => ResumeRow("SQLite",
                    ResumeTime.MeasureAsync(sqliteDir, candidates, workers, sqlite.StepsInFolder, ResumeRemainderBatches).GetAwaiter().GetResult()));
            foreach (var nodes in CampaignNodes.Where(n => n <= maxNodes))
            {
                var campaign = $"nodes{nodes}";
                var dir = Path.Combine(scratch.FullName, campaign);
                PostgresThroughput? pg = null;
                Measure($"persisted batches per second, PostgreSQL, {nodes} campaign node{(nodes == 1 ? "" : "s")}", () =>
                {
                    pg = PostgresThroughput.MeasureAsync(dir, campaign, nodes, candidates, workers, batches, parallelism).GetAwaiter().GetResult();
                    return ThroughputRow("PostgreSQL", (nodes == 1 ? "1 campaign node (this process)"
                        : $"{nodes} campaign nodes (this process and {nodes - 1} child process{(nodes == 2 ? "" : "es")})") +
                        (parallelism > 0 ? $", journal parallelism {parallelism}" : ""), pg.Throughput, pg);
                });
                if (nodes == 1 && pg is not null)
                    Measure("resume, PostgreSQL", () => ResumeRow("PostgreSQL", ResumeTime.MeasureAsync(Path.Combine(dir, "node-0"), candidates, workers,
                        pg.Throughput.StepsInFolder, ResumeRemainderBatches, campaign).GetAwaiter().GetResult()));
            }
            foreach (var w in JournalWriters)
                Measure($"journal alone, SQLite, {w} writers", () => CeilingRow("SQLite",
                    JournalCeiling.MeasureAsync(Path.Combine(scratch.FullName, $"journal-{w}.db"), w, events / w).GetAwaiter().GetResult(), null));
            foreach (var w in JournalWriters)
                Measure($"journal alone, PostgreSQL, {w} writers", () =>
                {
                    using var operations = new NpgsqlOperations();
                    var ceiling = JournalCeiling.MeasureOnPostgresAsync($"journal{w}", w, events / w).GetAwaiter().GetResult();
                    return CeilingRow("PostgreSQL", ceiling, operations.Now.Commands);
                });
            Console.Write(Section(database.ServerDescription(), rows, loadBefore, LoadAverage()));
            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string Section(string server, List<string> rows, string loadBefore, string loadAfter) =>
        string.Create(CultureInfo.InvariantCulture, $"""

            ## PostgreSQL journal (issue 14)

            Load average (1, 5, 15 min) at the start: {loadBefore}; at the end: {loadAfter}. Server: {server}.

            | measure | setting | result | target | met |
            |---|---|---|---|---|
            {string.Join('\n', rows)}

            - Persisted batches per second: no-op relaxer, laqa-async, the workers the row gives on the first campaign node; batches applied (each journalled by its candidate before it counts) between the first and the last applied batch, as the campaign's progress reports them on the first node (which holds the campaign and selector singletons); processor time per batch on the first node: this process over that window. By node (first node first): each node's whole run (start-up, joining, candidate creation and collection included), its PostgreSQL commands (Npgsql's `db.client.operation.duration` measurements: one per command sent, one round trip each), the mean time each took as the client saw it, and its processor time divided by the batches the campaign holds.
            - Further campaign nodes: child processes of the benchmark executable (`journal-node …`) running `CampaignHost.RunAsync` on the same PostgreSQL campaign with the campaign role only; they find the lease held and join the first node, as a second `laqa run` does. The config sets `akka.cluster.role.campaign.min-nr-of-members` to the node count, so no node is Up and no candidate created before all have joined: the 16 candidate shards are spread over the nodes from the start.
            - Resume: from the start of `CampaignHost.RunAsync` on the existing campaign in a new process (cold JIT) to the first new batch applied; ready = first progress.
            - All processes, the PostgreSQL server included, share this machine's cores with each other and with the load above.

            Reproduce: `scripts/test-postgres.sh start /tmp/pg`, `export LAQA_BENCH_POSTGRES=…` (the string it prints), `dotnet run -c Release --project src/Laqa.Benchmarks -- journal-scale`

            """);

    private static string CeilingRow(string journal, JournalCeiling c, long? commands) => Row(
        $"journal alone, {journal}, {c.Writers} writer{(c.Writers == 1 ? "" : "s")}",
        $"Akka.Persistence.Sql as the engine sets it up, {c.Events:N0} small events, each writer waiting for its last write",
        $"{c.EventsPerSecond:N0} events/s ({c.ProcessorPerEvent.TotalMicroseconds:N0} µs of processor time per event" +
        (commands is { } n ? $"; {n:N0} commands, {(double)c.Events / n:F1} events per command" : "") + ")", "-", "-");

    private static string ThroughputRow(string journal, string nodes, PersistedThroughput t, PostgresThroughput? pg) => Row(
        $"persisted batches per second, {journal}",
        $"{nodes}, {t.Candidates:N0} candidates, {t.Workers} workers, {t.Batches:N0} batches",
        $"{t.BatchesPerSecond:N0} /s ({t.CpuPerBatch.TotalMilliseconds:F2} ms of processor time per batch on the first node; startup with {t.Candidates:N0} creations: {t.Startup.TotalSeconds:F1} s" +
        (pg is null ? "" : $"; {NodeRuns(pg)}") + ")",
        journal == "PostgreSQL" ? $"≥ {ThroughputTarget:N0} /s" : "-",
        journal == "PostgreSQL" ? Verdict(t.BatchesPerSecond >= ThroughputTarget, $"×{t.BatchesPerSecond / ThroughputTarget:F2}") : "-");

    /// <summary>Per node, over its whole run: PostgreSQL commands, the mean time each took, processor time; per batch the campaign holds.</summary>
    private static string NodeRuns(PostgresThroughput pg)
    {
        var batches = (double)pg.BatchesInCampaign;
        var commands = pg.Nodes.Sum(n => n.Commands);
        return $"whole runs, by node: PostgreSQL commands {string.Join(" / ", pg.Nodes.Select(n => n.Commands.ToString("N0", CultureInfo.InvariantCulture)))} " +
               $"({commands / batches:F2} per batch; mean {string.Join(" / ", pg.Nodes.Select(n => (n.Waited.TotalMilliseconds / Math.Max(1, n.Commands)).ToString("F2", CultureInfo.InvariantCulture)))} ms each), " +
               $"processor time per batch {string.Join(" / ", pg.Nodes.Select(n => (n.Processor.TotalMilliseconds / batches).ToString("F2", CultureInfo.InvariantCulture)))} ms";
    }

    private static string ResumeRow(string journal, ResumeTime r) => Row(
        $"resume {r.Candidates:N0} candidates, {journal}",
        $"{r.BatchesBefore:N0} batches in the campaign, fresh process, to the first new batch applied",
        $"{r.FirstBatch.TotalSeconds:F2} s (ready {r.Ready.TotalSeconds:F2} s; {r.BatchesAfter - r.BatchesBefore} more batches, results collected: {r.CompletedText})",
        journal == "PostgreSQL" ? $"< {ResumeTarget.TotalSeconds:F0} s" : "-",
        journal == "PostgreSQL" ? Verdict(r.FirstBatch < ResumeTarget, $"{(ResumeTarget - r.FirstBatch).TotalSeconds:F2} s to spare", $"{(r.FirstBatch - ResumeTarget).TotalSeconds:F2} s over") : "-");

    /// <summary>The first three fields of /proc/loadavg.</summary>
    private static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Verdict(bool met, string margin, string? shortfall = null) => met ? $"yes, {margin}" : $"no, {shortfall ?? margin}";

    private static string Row(params string[] cells) => $"| {string.Join(" | ", cells)} |";
}
