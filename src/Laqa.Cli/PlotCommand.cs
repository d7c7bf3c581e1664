using System.CommandLine;
using Laqa.Cli.Plots;
using Laqa.Crystal;
using Laqa.Engine.Hosting;
using Laqa.Engine.Journal;

namespace Laqa.Cli;

/// <summary>
/// `laqa plot DIR|--campaign NAME [MORE_DIRS...] --out FILE.png [--kind energy|steps|scores]`: a PNG of a campaign replayed from its
/// journal (<see cref="CampaignTraceReader"/>, <see cref="CampaignPlots"/>): every candidate's energy per atom against the steps spent
/// (energy, the default), the best found against the steps (steps; with more folders, one line each, e.g. laqa and rs side by side),
/// or the LAQA scores at the selection that weighed most candidates (scores). A campaign with nothing to plot yet is bad input.
/// </summary>
public static class PlotCommand
{
    private static readonly string[] Kinds = ["energy", "steps", "scores"];

    public static Command Create()
    {
        var journal = new JournalOptions();
        var more = new Argument<string[]>("more") { Description = "with --kind steps: further campaign folders, drawn in the same plot", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out") { Description = "the PNG file to write", Required = true };
        var kind = new Option<string>("--kind") { Description = "energy, steps or scores", DefaultValueFactory = _ => "energy" };
        var command = new Command("plot", "Plot a campaign as a PNG: energies against steps, best found against steps, or LAQA scores") { output, kind };
        journal.AddTo(command);
        command.Arguments.Add(more);
        command.SetAction(parsed =>
        {
            var kindName = parsed.GetValue(kind)!;
            var path = parsed.GetValue(output)!;
            if (path.Trim().Length == 0) throw new LaqaInputException("--out is empty; give the PNG file to write");
            if (!path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new LaqaInputException($"--out must name a .png file (got {path})");
            WritableLocation.Require(path, "--out");
            if (!Kinds.Contains(kindName)) throw new LaqaInputException($"--kind must be one of {string.Join(", ", Kinds)} (got '{kindName}')");
            var folders = parsed.GetValue(more) ?? [];
            if (folders.Length > 0 && kindName != "steps") throw new LaqaInputException($"--kind {kindName} plots one campaign; several are drawn together with --kind steps");
            List<CampaignTrace> traces = [CampaignTraceReader.Read(journal.Journal(parsed), journal.Title(parsed)), .. folders.Select(f => CampaignTraceReader.Read(CampaignJournal.OfFolder(f), f))];
            var plot = kindName switch
            {
                "energy" => CampaignPlots.Energy(traces[0]),
                "steps" => CampaignPlots.Steps(traces),
                _ => CampaignPlots.Scores(traces[0]),
            };
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            CampaignPlots.Save(plot, path);
            parsed.InvocationConfiguration.Output.WriteLine(path);
            return 0;
        });
        return command;
    }
}
