using System.Diagnostics;
using System.Globalization;
using Laqa.Benchmarks.Engine;
using Laqa.Engine;
using Laqa.Engine.Hosting;
using Laqa.Engine.Journal;
using Laqa.Search.Campaign;

namespace Laqa.Benchmarks.Status;

/// <summary>
/// `laqa status` and `laqa status --json` timed as processes (process start included) on campaigns of 1,000, 10,000 and
/// 100,000 candidates written by <see cref="SyntheticJournal"/>: finished, and running (this process holds the campaign's
/// lock, appends batches all the while and catches the read model up every 5 s, as `laqa run` does). Also the first
/// status of each folder, which builds the read model from the journal, as for a folder written before it.
/// With LAQA_BENCH_POSTGRES (<see cref="PostgresScratchDatabase"/>) the same campaigns again in a PostgreSQL campaign's schema,
/// read with `laqa status --campaign NAME --postgres-env VAR`; running, this process holds the campaign's lease instead.
/// Arguments: the laqa.dll to time (default: the Release build) and the candidate counts.
/// </summary>
public static class StatusBenchmarks
{
    private const int Repetitions = 5;
    private static readonly TimeSpan KeeperEvery = TimeSpan.FromSeconds(5);

    public static int Run(string[] args)
    {
        var laqa = Path.GetFullPath(args.Length > 0 ? args[0] : "src/Laqa.Cli/bin/Release/net10.0/laqa.dll");
        int[] sizes = args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1_000, 10_000, 100_000];
        Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine("| candidates | state | journal: events, MB | written in | first status (builds the read model) | `laqa status` | `laqa status --json` |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|");
        foreach (var size in sizes)
            foreach (var running in new[] { false, true })
                Console.WriteLine(Measure(laqa, size, running));
        if (Environment.GetEnvironmentVariable(PostgresScratchDatabase.ServerVariable) is { Length: > 0 })
        {
            using var database = new PostgresScratchDatabase();
            Console.WriteLine();
            Console.WriteLine($"PostgreSQL: {database.ServerDescription()}");
            Console.WriteLine();
            Console.WriteLine("| candidates | state | journal: events, MB | written in | first status (builds the read model) | `laqa status` | `laqa status --json` |");
            Console.WriteLine("|---:|---|---|---:|---:|---:|---:|");
            foreach (var size in sizes)
                foreach (var running in new[] { false, true })
                    Console.WriteLine(MeasureOnPostgres(laqa, size, running));
        }
        Console.WriteLine();
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static string Measure(string laqa, int size, bool running)
    {
        var folder = Directory.CreateTempSubdirectory("laqa-status-bench-").FullName;
        try
        {
            var database = Path.Combine(folder, EngineSettings.DefaultDatabaseFile);
            var clock = Stopwatch.StartNew();
            using var journal = SyntheticJournal.Create(database, size, running);
            var written = clock.Elapsed;
            var (events, megabytes) = JournalSize(database);
            var first = Time(laqa, folder);
            string status, json;
            if (!running)
                (status, json) = (Summary(Repeat(laqa, folder)), Summary(Repeat(laqa, folder, "--json")));
            else
            {
                using var runLock = CampaignLock.Acquire(database);
                using var keeper = new ReadModelKeeper(new SqliteJournal(database), KeeperEvery, _ => { });
                using var stop = new CancellationTokenSource();
                var writer = Task.Run(() => AppendBatches(journal, stop.Token));
                Thread.Sleep(KeeperEvery + TimeSpan.FromSeconds(1));
                (status, json) = (Summary(Repeat(laqa, folder)), Summary(Repeat(laqa, folder, "--json")));
                stop.Cancel();
                writer.Wait();
            }
            return string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {(running ? "running" : "finished")} | {events:N0}, {megabytes:F0} MB | {written.TotalSeconds:F1} s | {first.TotalSeconds:F2} s | {status} | {json} |");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string MeasureOnPostgres(string laqa, int size, bool running)
    {
        var name = $"status_{size}_{(running ? "running" : "finished")}";
        var journal = new PostgresJournal(PostgresScratchDatabase.Variable, name);
        string[] arguments = ["--campaign", name, "--postgres-env", PostgresScratchDatabase.Variable];
        var clock = Stopwatch.StartNew();
        using var synthetic = SyntheticJournal.CreateOnPostgres(journal.ConnectionString(), journal.Schema, size, running);
        var written = clock.Elapsed;
        var first = Time(laqa, arguments);
        string status, json;
        if (!running)
            (status, json) = (Summary(Repeat(laqa, arguments)), Summary(Repeat(laqa, [.. arguments, "--json"])));
        else
        {
            using var lease = CampaignLease.Acquire(journal, PersistenceSpec.Default.LeaseTime);
            using var keeper = new ReadModelKeeper(journal, KeeperEvery, _ => { });
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(() => AppendBatches(synthetic, stop.Token));
            Thread.Sleep(KeeperEvery + TimeSpan.FromSeconds(1));
            (status, json) = (Summary(Repeat(laqa, arguments)), Summary(Repeat(laqa, [.. arguments, "--json"])));
            stop.Cancel();
            writer.Wait();
        }
        var (events, megabytes) = JournalSize(journal);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {(running ? "running" : "finished")} | {events:N0}, {megabytes:F0} MB | {written.TotalSeconds:F1} s | {first.TotalSeconds:F2} s | {status} | {json} |");
    }

    /// <summary>About 50 batches a second, each a selection, a dispatch and a completion, as a busy campaign writes them.</summary>
    private static void AppendBatches(SyntheticJournal journal, CancellationToken stop)
    {
        var relaxing = journal.Relaxing.ToArray();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            journal.AppendBatch(relaxing[i % relaxing.Length]);
            Thread.Sleep(20);
        }
    }

    private static List<TimeSpan> Repeat(string laqa, params string[] arguments) =>
        [.. Enumerable.Range(0, Repetitions).Select(_ => Time(laqa, arguments))];

    private static string Summary(List<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{sorted[sorted.Count / 2].TotalSeconds:F2} s ({sorted[0].TotalSeconds:F2}–{sorted[^1].TotalSeconds:F2})");
    }

    /// <summary>`laqa status ARGUMENTS` from process start to exit; it must succeed.</summary>
    private static TimeSpan Time(string laqa, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[laqa, "status", .. arguments]) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0) throw new InvalidOperationException($"laqa status failed ({process.ExitCode}): {error.Result}");
        _ = output.Result;
        return elapsed;
    }

    private static (long Events, double Megabytes) JournalSize(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*), sum(length(message)) FROM journal";
        using var reader = count.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), (new FileInfo(database).Length + WalLength(database)) / 1e6);
    }

    private static (long Events, double Megabytes) JournalSize(PostgresJournal journal)
    {
        using var connection = journal.Open();
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*), pg_total_relation_size('{journal.JournalTable}') FROM {journal.JournalTable}";
        using var reader = count.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1) / 1e6);
    }

    private static long WalLength(string database) => File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0;
}
