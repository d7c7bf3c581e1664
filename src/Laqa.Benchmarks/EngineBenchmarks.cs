using System.Globalization;
using Laqa.Benchmarks.Engine;
using Laqa.Search;

namespace Laqa.Benchmarks;

/// <summary>
/// The engine's three figures: how busy 2 workers are on Si16/Tersoff, how many batches per second
/// the engine persists with a relaxer that computes nothing, and how long a 10,000-candidate campaign
/// takes to search again. Each campaign runs in a scratch folder that is deleted afterwards.
/// </summary>
public static class EngineBenchmarks
{
    private const int Workers = 2;
    // Long enough (about ten seconds of search) that start-up and the tiered JIT weigh little; the warm-up is shorter.
    private const int SiliconCandidates = 1_000;
    private const long SiliconStepLimit = 100_000;
    private const int WarmUpCandidates = 150;
    private const long WarmUpStepLimit = 20_000;
    private const int NoOpCandidates = 10_000;
    private const int NoOpWorkers = 8;
    private const int NoOpBatchesPerCandidate = 2;
    private const int ResumeRemainderBatches = 10;
    private const double UtilisationTarget = 0.90;
    private const int TargetStepsPerBatch = 10;
    private const double ThroughputTarget = 2_000;
    private static readonly TimeSpan ResumeTarget = TimeSpan.FromSeconds(5);
    private static readonly int[] JournalWriters = [1, 16];

    // The target's setting (10-step batches) in both modes, without the queued job, and longer batches for the trend.
    private static readonly (LaqaMode Mode, int Prefetch, int Steps)[] UtilisationRuns =
        [(LaqaMode.Sync, 1, TargetStepsPerBatch), (LaqaMode.Async, 1, TargetStepsPerBatch), (LaqaMode.Async, 0, TargetStepsPerBatch),
            (LaqaMode.Async, 1, 40), (LaqaMode.Async, 1, 160)];
    private const int JournalEvents = 32_000;

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == ResumeTime.ChildCommand) return ResumeTime.RunChildAsync(args[1..]).GetAwaiter().GetResult();
        var scratch = Directory.CreateTempSubdirectory("laqa-engine-bench-");
        try
        {
            // Campaigns run for days: one untimed campaign first, so that the tiered JIT has optimised
            // the engine, the journal and the potential before anything is measured.
            WorkerUtilisation.MeasureAsync(Path.Combine(scratch.FullName, "warm-up"), LaqaMode.Async, Workers, 1, TargetStepsPerBatch,
                WarmUpCandidates, WarmUpStepLimit).GetAwaiter().GetResult();
            WorkerUtilisation[] utilisation =
            [
                .. UtilisationRuns.Select(run => WorkerUtilisation.MeasureAsync(Path.Combine(scratch.FullName, $"si16-{run.Mode}-{run.Prefetch}-{run.Steps}"),
                    run.Mode, Workers, run.Prefetch, run.Steps, SiliconCandidates, SiliconStepLimit).GetAwaiter().GetResult()),
            ];
            var noOpDir = Path.Combine(scratch.FullName, "no-op");
            var throughput = PersistedThroughput.MeasureAsync(noOpDir, NoOpCandidates, NoOpWorkers, NoOpBatchesPerCandidate).GetAwaiter().GetResult();
            var resume = ResumeTime.MeasureAsync(noOpDir, NoOpCandidates, NoOpWorkers, throughput.StepsInFolder, ResumeRemainderBatches).GetAwaiter().GetResult();
            JournalCeiling[] journal = [.. JournalWriters.Select(w => JournalCeiling.MeasureAsync(Path.Combine(scratch.FullName, $"journal-{w}.db"), w, JournalEvents / w).GetAwaiter().GetResult())];
            Console.Write(Section(utilisation, throughput, resume, journal));
            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string Section(WorkerUtilisation[] utilisation, PersistedThroughput throughput, ResumeTime resume, JournalCeiling[] journal)
    {
        var rows = utilisation.Select(UtilisationRow).Concat(new[]
        {
            Row("persisted batches per second", $"no-op relaxer, {throughput.Candidates:N0} candidates, {throughput.Workers} workers, laqa-async, {throughput.Batches:N0} batches",
                $"{throughput.BatchesPerSecond:N0} /s ({throughput.CpuPerBatch.TotalMilliseconds:F2} ms of processor time per batch; startup with {throughput.Candidates:N0} creations: {throughput.Startup.TotalSeconds:F1} s)",
                $"≥ {ThroughputTarget:N0} /s", Verdict(throughput.BatchesPerSecond >= ThroughputTarget, $"×{throughput.BatchesPerSecond / ThroughputTarget:F2}")),
            Row($"resume {resume.Candidates:N0} candidates", $"{resume.BatchesBefore:N0} batches in the folder, fresh process, to the first new batch applied",
                $"{resume.FirstBatch.TotalSeconds:F2} s (ready {resume.Ready.TotalSeconds:F2} s; {resume.BatchesAfter - resume.BatchesBefore} more batches, results collected: {resume.CompletedText})",
                $"< {ResumeTarget.TotalSeconds:F0} s", Verdict(resume.FirstBatch < ResumeTarget, $"{(ResumeTarget - resume.FirstBatch).TotalSeconds:F2} s to spare", $"{(resume.FirstBatch - ResumeTarget).TotalSeconds:F2} s over")),
        });
        var journalRows = journal.Select(j => Row($"journal alone, {j.Writers} writer{(j.Writers == 1 ? "" : "s")}",
            $"Akka.Persistence.Sql on SQLite as the engine sets it up, {j.Events:N0} small events, each writer waiting for its last write",
            $"{j.EventsPerSecond:N0} events/s ({j.ProcessorPerEvent.TotalMicroseconds:N0} µs of processor time per event)", "-", "-"));
        return string.Create(CultureInfo.InvariantCulture, $"""

            ## Engine

            | measure | setting | result | target | met |
            |---|---|---|---|---|
            {string.Join('\n', rows.Concat(journalRows))}

            - Every figure is taken after one untimed Si16 campaign in the same process (the tiered JIT has optimised the code), except resume, which starts a fresh process.
            - Compute fraction: time inside the relaxer's Advance summed over the workers, divided by workers × the window from the first Advance's start to the last one's end (the search; generation is not in the window). In brackets: the same with the processor time the worker threads ran inside Advance (a preempted worker counts in the first, not here); processor time per batch of the whole process and, of it, outside Advance (the engine); and the bound that processor time sets: cores × compute / (workers × (compute + engine)).
            - Persisted batches per second: batches applied (each one journalled by its candidate in SQLite before it counts) between the first and the last applied batch, as the campaign's progress reports them.
            - Resume: from the start of `CampaignHost.RunAsync` on the existing folder in a new process; ready = first progress (the selector holds every candidate's snapshot).

            Reproduce: `dotnet run -c Release --project src/Laqa.Benchmarks -- engine`

            """);
    }

    /// <summary>The target is set for 10-step batches; other batch lengths show how the fraction scales.</summary>
    private static string UtilisationRow(WorkerUtilisation u) => Row(
        "worker compute fraction",
        $"Si16, si-tersoff, FIRE, {u.StepsPerBatch} steps per batch, {u.Workers} workers, prefetch {u.Prefetch}, laqa-{u.Mode.ToString().ToLowerInvariant()}, nselect 10, {u.Candidates} candidates, {u.Batches:N0} batches",
        $"{u.Fraction:P1} (mean batch {u.MeanBatch.TotalMilliseconds:F2} ms, search {u.Window.TotalSeconds:F1} s; processor time: {u.ProcessorFraction:P1} computing, " +
        $"{u.ProcessorPerBatch.TotalMilliseconds:F2} ms per batch of which {u.EnginePerBatch.TotalMilliseconds:F2} ms engine, bound {u.ProcessorBound:P0})",
        u.StepsPerBatch == TargetStepsPerBatch ? $"≥ {UtilisationTarget:P0}" : "-",
        u.StepsPerBatch == TargetStepsPerBatch
            ? Verdict(u.Fraction >= UtilisationTarget, $"+{(u.Fraction - UtilisationTarget) * 100:F1} points", $"{(u.Fraction - UtilisationTarget) * 100:F1} points")
            : "-");

    private static string Verdict(bool met, string margin, string? shortfall = null) => met ? $"yes, {margin}" : $"no, {shortfall ?? margin}";

    private static string Row(params string[] cells) => $"| {string.Join(" | ", cells)} |";
}
