using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Laqa.Cli.Plots;
using Laqa.Crystal;
using Laqa.Crystal.Spglib;
using Laqa.Engine.Campaign;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Engine.Journal;
using Laqa.Engine.Selection;
using Laqa.Search;

namespace Laqa.Cli;

/// <summary>
/// `laqa run CONF [--dir DIR]`: runs (or resumes) a campaign in its folder, shows progress, and ends
/// with the best structure, the steps spent when it was found, and the results table, also written
/// to DIR/results.tsv; the LAQA table goes to DIR/laqa.tsv, the plot of every candidate's energy against the steps to DIR/energy.png.
/// </summary>
public static class RunCommand
{
    /// <summary>Only a signal stops a run, so its code is known; should none be, the stop exits as a Ctrl+C would.</summary>
    private const int StoppedExitCode = 130;

    /// <summary>stop.max-wall-time ran out: EX_TEMPFAIL, "try again later" — a batch script resumes on it.</summary>
    private const int WallTimeExitCode = 75;

    public static Command Create()
    {
        var config = new Argument<string>("config") { Description = "campaign config (HOCON), see config/reference.conf" };
        var dir = new Option<string?>("--dir") { Description = "campaign folder (default: the config's name in the current folder); an existing one is resumed" };
        var top = new Option<int>("--top") { Description = "rows of the results table to print", DefaultValueFactory = _ => 10 };
        var cluster = new ClusterOptions();
        var command = new Command("run", "Run or resume a crystal structure prediction campaign") { config, dir, top };
        foreach (var option in cluster.All) command.Options.Add(option);
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(config)!;
            if (parsed.GetValue(top) < 0) throw new LaqaInputException($"--top must not be negative (got {parsed.GetValue(top)})");
            if (Directory.Exists(path))
                throw new LaqaInputException($"{path} is a folder: laqa run takes a config file; to resume a campaign, run its config again (with --dir {path} if the folder is not named after the config)");
            if (!File.Exists(path)) throw new LaqaInputException($"config file not found: {path}");
            var spec = CampaignConfigLoader.LoadFile(path);
            var folder = parsed.GetValue(dir) ?? Path.GetFileNameWithoutExtension(path);
            if (folder.Trim().Length == 0) throw new LaqaInputException("--dir is empty; give the campaign folder");
            var components = CampaignComponents.From(spec, folder);
            var node = cluster.Node(parsed, spec.Cluster, [ClusterNode.CampaignRole, ClusterNode.WorkerRole]);
            ListenCheck.Require(node);
            var output = parsed.InvocationConfiguration.Output;
            var journal = CampaignJournal.Of(components.Settings, folder);
            JournalPreflight.Require(journal, components.Settings, folder);
            var folderIsNew = !Directory.Exists(folder);
            Directory.CreateDirectory(folder);
            output.WriteLine($"campaign {spec.Composition.Formula()}: {spec.InitialStructures} structures, {spec.Search.Algorithm} search, " +
                             $"{components.Calculator.Name}, {components.Settings.Workers} workers, folder {folder}");
            if (journal is PostgresJournal pg) output.WriteLine($"journal: {pg.Name}, schema {pg.Schema}");

            var grace = components.Settings.StopGracePeriod;
            var clock = Stopwatch.StartNew();
            var lastPrinted = TimeSpan.FromSeconds(-10);
            var donePrinted = false;
            var bestSpaceGroup = new BestSpaceGroup();
            var nodes = "";
            var nodesPrinted = TimeSpan.Zero;
            CampaignResult result;
            int? signalExitCode;
            using var wallTime = new CancellationTokenSource();
            using var wallTimeNote = wallTime.Token.Register(() =>
                output.WriteLine($"stopping (stop.max-wall-time {spec.Stop.MaxWallTime}): no new batches start; the campaign can be resumed"));
            if (spec.Stop.MaxWallTime is { } budget) wallTime.CancelAfter(budget);
            // A new campaign's read model is made by its first catch-up, not rebuilt: the line is for a campaign that had events before.
            var isNew = !journal.Exists || JournalFile.ReadAfter(journal, 0, 1).Count == 0;
            Action<string> rebuiltNote = isNew ? _ => { } : output.WriteLine;
            // Only while the campaign runs: a signal while the final tables are written ends the process at once.
            using (new ReadModelKeeper(journal, ReadModelEvery, rebuiltNote))
            using (var signals = new StopSignals(
                signal => output.WriteLine($"stopping ({signal}): no new batches start; those in flight may finish within {grace.TotalSeconds:G4} s " +
                                           "(workers.stop-grace-period), then the campaign can be resumed; a second Ctrl+C or signal stops at once"),
                () => output.WriteLine("stopping now: the batches in flight are abandoned and run again on resume")))
            {
                using var stopping = CancellationTokenSource.CreateLinkedTokenSource(signals.Stop, wallTime.Token);
                try
                {
                    result = CampaignHost.RunAsync(components.Settings, folder, components.Structures, components.RelaxerFactory, progress =>
                    {
                        // The nodes with workers whenever one comes or goes, and with their load once a minute.
                        if (progress.Workers is { } load && (NodesLine(load, null) is var line && line != nodes || clock.Elapsed - nodesPrinted > NodesEvery))
                        {
                            nodes = NodesLine(load, null);
                            nodesPrinted = clock.Elapsed;
                            output.WriteLine(NodesLine(load, DateTimeOffset.UtcNow));
                        }
                        if (clock.Elapsed - lastPrinted < TimeSpan.FromSeconds(2) && progress.Phase != CampaignPhase.Done) return;
                        // A finished campaign that is run again reports Done once per candidate it recovers: one line says it.
                        if (progress.Phase == CampaignPhase.Done && donePrinted) return;
                        donePrinted = progress.Phase == CampaignPhase.Done;
                        lastPrinted = clock.Elapsed;
                        output.WriteLine(ProgressLine(clock.Elapsed, progress, bestSpaceGroup.Of(progress), spec.Relaxer.ExternalPressure, spec.Duplicates.Enabled));
                    }, stopping.Token, logLevel: "ERROR", abandonToken: signals.Abandon, node: node,
                    listening: (address, joined) => output.WriteLine(joined is null
                        ? $"cluster node {address}: worker nodes join with `laqa worker --join {address.Host}:{address.Port}`"
                        : $"cluster node {address}: joined the campaign's cluster at {joined} as a further campaign node (it takes over if the others stop)"),
                        collectCandidates: false).GetAwaiter().GetResult();
                }
                // Refused before the campaign began (a value Akka cannot read): the host emptied the folder; it goes too.
                catch (LaqaInputException) when (folderIsNew && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                    throw;
                }
                signalExitCode = signals.ExitCode;
            }
            if (result.NodeFailure is { } failure)
            {
                output.WriteLine($"stopped after {clock.Elapsed.TotalSeconds:F1} s: {failure}; run again to resume");
                return 1;
            }
            if (result.StopReason is { } reason)
            {
                output.WriteLine($"stopped after {clock.Elapsed.TotalSeconds:F1} s: {reason}");
                output.WriteLine($"fix the settings and start a new campaign; if the cause lay outside them (pw.x broken on this machine, a full disk), " +
                                 $"run again to resume (`laqa status {folder}` shows the failed candidates and their reasons)");
                return 1;
            }
            if (!result.Finished)
            {
                // The tables cost seconds per thousand candidates; a stop (a batch system's SIGTERM) must end promptly.
                output.WriteLine($"stopped after {clock.Elapsed.TotalSeconds:F1} s: {result.Totals.Batches} batches, {result.Totals.Steps} steps" +
                                 (result.Abandoned ? ", the batches in flight abandoned" : "") +
                                 $"; run again to resume (`laqa status {folder}` shows the results so far)");
                return signalExitCode ?? (wallTime.IsCancellationRequested ? WallTimeExitCode : StoppedExitCode);
            }
            using var record = CampaignReadModel.Open(journal, rebuiltNote);
            var rows = ResultsTable.Rows(record.Ranked(int.MaxValue));
            ResultsTable.Write(Path.Combine(folder, "results.tsv"), rows, spec.Relaxer.ExternalPressure);
            LaqaTable.Write(Path.Combine(folder, LaqaTable.FileName), LaqaTable.Rows(record.Snapshots(), spec.Search.Laqa.Weights), spec.Relaxer.ExternalPressure);
            WriteEnergyPlot(journal, folder, output);
            output.WriteLine($"done ({result.EndReason}) in {clock.Elapsed.TotalSeconds:F1} s: {result.Totals.Batches} batches, {result.Totals.Steps} relaxation steps" +
                             (result.Totals.Duplicates > 0 ? $", {result.Totals.Duplicates} candidates stopped as duplicates" : ""));
            var best = rows.FirstOrDefault(r => r.Id == result.Totals.BestCandidate);
            output.WriteLine(BestFound.Line(result.Totals, best, record.StepsToBest, record.StepsToBestMinimum, spec.Relaxer.ExternalPressure));
            ResultsTable.Print(output, rows, parsed.GetValue(top), spec.Relaxer.ExternalPressure);
            return 0;
        });
        return command;
    }

    /// <summary>DIR/energy.png (`laqa plot DIR --kind energy`); a campaign with nothing to plot (no batch applied) gets a line instead.</summary>
    private static void WriteEnergyPlot(CampaignJournal journal, string folder, TextWriter output)
    {
        try
        {
            CampaignPlots.Save(CampaignPlots.Energy(CampaignTraceReader.Read(journal, folder)), Path.Combine(folder, EnergyPlot));
        }
        catch (LaqaInputException e)
        {
            output.WriteLine($"no {EnergyPlot}: {e.Message}");
        }
    }

    public const string EnergyPlot = "energy.png";

    private static readonly TimeSpan NodesEvery = TimeSpan.FromMinutes(1);

    /// <summary>How often the read model catches up while the campaign runs: `laqa status` folds at most this much of the journal itself.</summary>
    private static readonly TimeSpan ReadModelEvery = TimeSpan.FromSeconds(5);

    /// <summary>The nodes with workers; with the time, also each one's busy workers, batches run and time up.</summary>
    private static string NodesLine(WorkerLoad load, DateTimeOffset? now) =>
        "nodes: " + (load.Nodes.Length == 0 ? "none with workers (waiting for `laqa worker --join`)"
            : string.Join(", ", load.Nodes.OrderBy(n => n.Since).Select(n => now is { } t
                ? string.Create(CultureInfo.InvariantCulture, $"{n.Address} ({n.Workers} workers, {n.Busy} busy, {n.Batches} batches, up {Duration(t - n.Since)})")
                : $"{n.Address} ({n.Workers} workers)")));

    private static string Duration(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours:00}:{span:mm\\:ss}");

    /// <summary>
    /// The best is named by its enthalpy per atom under an external pressure (eV/Å³), by its energy at zero pressure; the
    /// candidates stopped as duplicates are counted when pruning is on.
    /// </summary>
    private static string ProgressLine(TimeSpan elapsed, CampaignProgress progress, string bestSpaceGroup, double pressure, bool duplicates)
    {
        var t = progress.Totals;
        var quantity = ExternalPressure.IsZero(pressure) ? "" : "H ";
        var best = t.BestEnthalpyPerAtom is { } h ? string.Create(CultureInfo.InvariantCulture, $"{quantity}{h:F5} eV/atom {bestSpaceGroup} (#{t.BestCandidate})") : "-";
        var workers = progress.Workers is { } load ? $"{load.Busy}/{load.Workers}" : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"[{elapsed:hh\\:mm\\:ss}] {progress.Phase,-10} structures {t.Structures,5}  batches {t.Batches,7}  steps {t.Steps,8}  converged {t.Converged,4}  failed {t.Failed,4}  {(duplicates ? $"duplicates {t.Duplicates,4}  " : "")}workers busy {workers,5}  best {best}");
    }
}
