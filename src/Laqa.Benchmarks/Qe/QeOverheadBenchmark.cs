using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Laqa.Calculators.External;
using Laqa.Calculators.Qe;
using Laqa.Calculators.Relaxation;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Benchmarks.Qe;

/// <summary>
/// laqa's time per pw.x batch (issue 13: under 1 % of the batch's wall time for Si8 5-step batches):
/// Si8 as config/examples/si8-qe.conf (LDA, 20/80 Ry, 2×2×2 k), one pw.x process, 5-step vc-relax
/// batches, first through QeRelaxer alone, then through a one-worker campaign (journal, selection,
/// dispatch). Per batch: the batch's wall time (Advance), the pw.x process's wall time (start to exit,
/// around the process), pw.x's own WALL, and laqa's time = batch − process (+ in a campaign, the gap
/// until the worker's next batch starts).
/// </summary>
public static partial class QeOverheadBenchmark
{
    private const int Batches = 3;
    private const int StepsPerBatch = 5;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Config => $$"""
        laqa {
          composition = Si8
          initial-structures = {{Batches}}
          seed = 8
          calculator.qe {
            mpi-command = "mpirun {{(Environment.UserName == "root" ? "--allow-run-as-root " : "")}}-np 1"
            pseudopotentials { Si = "Si.pz-vbc.UPF" }
            ecutwfc = 20
            ecutrho = 80
            k-points = [2, 2, 2]
          }
          relaxer { steps-per-batch = {{StepsPerBatch}}, fmax = 0.05, smax = 0.5 }
          search { algorithm = laqa, mode = sync, nselect = 2, max-steps-per-candidate = 100 }
          workers { count = 1, batch-timeout = 10m }
          stop.max-total-steps = {{Batches * StepsPerBatch}}
        }
        """;

    /// <summary>One batch: when Advance started and ended (Stopwatch ticks), its steps, and its pw.x runs (process wall, pw.x's own WALL).</summary>
    private sealed record BatchTiming(long Start, long End, int Steps, IReadOnlyList<(TimeSpan Process, TimeSpan PwWall)> Runs)
    {
        public TimeSpan Wall => Stopwatch.GetElapsedTime(Start, End);
        public TimeSpan Process => TimeSpan.FromTicks(Runs.Sum(r => r.Process.Ticks));
        public TimeSpan PwWall => TimeSpan.FromTicks(Runs.Sum(r => r.PwWall.Ticks));
        public TimeSpan Laqa => Wall - Process;
    }

    public static int Run(string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("laqa-qe-bench-");
        try
        {
            Measure(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        return 0;
    }

    private static void Measure(string folder)
    {
        var load = File.ReadAllText("/proc/loadavg").Trim();
        var spec = CampaignConfigLoader.Load(Config, folder);
        var qe = (QeCalculatorSpec)spec.Calculator;
        var options = new RelaxationOptions { Fmax = spec.Relaxer.MaxForce, Smax = spec.Relaxer.MaxStress, Pressure = spec.Relaxer.ExternalPressure };
        var generator = CampaignComponents.From(spec, folder).Generator;

        var direct = new List<BatchTiming>();
        for (var i = 0; i < Batches; i++)
        {
            var recorder = new Recorder(CampaignCalculator.QeSettings(qe), options, new WorkFolders(Path.Combine(folder, "direct"), KeepFiles.All));
            recorder.Advance(RelaxationState.Start(generator.Generate(i).Structure), StepsPerBatch, new BatchLabel(i.ToString(Invariant), 1));
            direct.Add(recorder.Timings.Single());
        }

        var campaignDir = Path.Combine(folder, "campaign");
        var components = CampaignComponents.From(spec, campaignDir);
        var worker = new ConcurrentBag<Recorder>();
        var result = CampaignHost.RunAsync(components.Settings, campaignDir, components.Structures, () =>
        {
            var recorder = new Recorder(CampaignCalculator.QeSettings(qe), options, CampaignCalculator.WorkFolders(qe.KeepFiles, campaignDir));
            worker.Add(recorder);
            return recorder;
        }).GetAwaiter().GetResult();
        var campaign = worker.SelectMany(r => r.Timings).OrderBy(t => t.Start).ToList();
        var loadAfter = File.ReadAllText("/proc/loadavg").Trim();

        Print(direct, campaign, result.Totals.Batches, load, loadAfter);
    }

    private static void Print(List<BatchTiming> direct, List<BatchTiming> campaign, long applied, string load, string loadAfter)
    {
        Console.WriteLine();
        Console.WriteLine("## Quantum ESPRESSO: laqa's time per pw.x batch (issue 13)");
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant,
            $"Si8 as `config/examples/si8-qe.conf` (LDA, 20/80 Ry, 2×2×2 k), `mpirun -np 1 pw.x` (Debian's pw.x 6.7), {StepsPerBatch}-step vc-relax batches of " +
            $"generated candidates (seed 8): {Batches} through `QeRelaxer` alone, then a one-worker campaign of {Batches} candidates stopped after " +
            $"{Batches * StepsPerBatch} steps ({applied} batches applied, SQLite journal). Batch = `Advance` of the relaxer, wall clock; process = pw.x's process " +
            $"from `Process.Start` of the session wrapper to its exit (setsid, the guard, mpirun, pw.x); pw.x WALL = the `PWSCF : ... WALL` pw.x prints; " +
            $"launch = process − pw.x WALL (mpirun's start, MPI set-up and tear-down, the session guard: counted as pw.x's time, not laqa's). " +
            $"laqa = batch − process: writing pw.in, creating the folder, reading pw.out, checking the steps. In the campaign laqa also owns the gap between " +
            $"the end of a batch and the start of the worker's next (persisting the result, scoring, selecting, dispatching); the last batch has no next. " +
            $"Load average (1, 5, 15 min) before: {load}; after: {loadAfter}."));
        Console.WriteLine();
        Console.WriteLine("| path | batch | steps | batch wall (s) | process (s) | pw.x WALL (s) | launch (s) | laqa in the batch (ms) | gap to the next batch (ms) | laqa share of batch + gap |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var shares = new Dictionary<string, List<double>> { ["QeRelaxer"] = [], ["campaign"] = [] };
        foreach (var (path, timings) in new[] { ("QeRelaxer", direct), ("campaign", campaign) })
            for (var i = 0; i < timings.Count; i++)
            {
                var t = timings[i];
                TimeSpan? gap = path == "campaign" && i + 1 < timings.Count ? Stopwatch.GetElapsedTime(t.End, timings[i + 1].Start) : null;
                var laqa = t.Laqa + (gap ?? TimeSpan.Zero);
                var share = laqa / (t.Wall + (gap ?? TimeSpan.Zero));
                if (path == "QeRelaxer" || gap is not null) shares[path].Add(share);
                Console.WriteLine(string.Create(Invariant,
                    $"| {path} | {i + 1} | {t.Steps} | {t.Wall.TotalSeconds:F2} | {t.Process.TotalSeconds:F2} | {t.PwWall.TotalSeconds:F2} | {(t.Process - t.PwWall).TotalSeconds:F2} | " +
                    $"{t.Laqa.TotalMilliseconds:F1} | {(gap is { } g ? g.TotalMilliseconds.ToString("F1", Invariant) : "–")} | {share:P3} |"));
            }
        Console.WriteLine();
        var all = direct.Concat(campaign).ToList();
        Console.WriteLine(string.Create(Invariant,
            $"Median laqa share: {Median(shares["QeRelaxer"]):P3} through QeRelaxer, {Median(shares["campaign"]):P3} in the campaign (target < 1 %). " +
            $"Median launch: {Median(all.Select(t => (t.Process - t.PwWall).TotalSeconds)):F2} s of a median {Median(all.Select(t => t.Wall.TotalSeconds)):F2} s batch " +
            $"({Median(all.Select(t => (t.Process - t.PwWall) / t.Wall)):P1}); counted as laqa's, the share would be that much larger."));
        return;

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    [GeneratedRegex(@"PWSCF\s*:.*CPU(.*)WALL")]
    private static partial Regex PwscfTime();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)([hms])")]
    private static partial Regex TimePart();

    /// <summary>pw.x's own total WALL (its "1h 2m" or "1m 5.67s" or "15.79s" form), zero if it printed none.</summary>
    private static TimeSpan PwWall(string output)
    {
        var line = File.ReadLines(output).Select(l => PwscfTime().Match(l)).LastOrDefault(m => m.Success);
        if (line is null) return TimeSpan.Zero;
        return TimeSpan.FromSeconds(TimePart().Matches(line.Groups[1].Value)
            .Sum(p => double.Parse(p.Groups[1].Value, Invariant) * p.Groups[2].Value switch { "h" => 3600, "m" => 60, _ => 1 }));
    }

    /// <summary>QeRelaxer with each Advance and each pw.x run of it timed.</summary>
    private sealed class Recorder : IExternalRelaxer
    {
        private readonly QeRelaxer _inner;
        private readonly List<(TimeSpan, TimeSpan)> _runs = [];
        public List<BatchTiming> Timings { get; } = [];

        public Recorder(QeSettings settings, RelaxationOptions options, WorkFolders folders) =>
            _inner = new QeRelaxer(settings, options, folders, (run, folder) => _runs.Add((run.Elapsed, PwWall(Path.Combine(folder, PwRun.OutputFile)))));

        public RelaxationBatch Advance(RelaxationState state, int maxSteps, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("a campaign batch has a label");

        public RelaxationBatch Advance(RelaxationState state, int maxSteps, BatchLabel label, CancellationToken cancellationToken = default)
        {
            _runs.Clear();
            var start = Stopwatch.GetTimestamp();
            var batch = _inner.Advance(state, maxSteps, label, cancellationToken);
            Timings.Add(new BatchTiming(start, Stopwatch.GetTimestamp(), batch.Steps.Count, [.. _runs]));
            return batch;
        }
    }
}
