using System.CommandLine;
using System.Globalization;
using Laqa.Crystal;
using Laqa.Crystal.IO;
using Laqa.Crystal.Spglib;
using Laqa.Engine.Candidates;
using Laqa.Engine.Journal;
using Laqa.Search;

namespace Laqa.Cli;

/// <summary>
/// `laqa export DIR|--campaign NAME [--postgres-env VAR] --top N --format cif|poscar|extxyz --out OUTDIR`: the N lowest-energy relaxed
/// structures of a campaign (not failed, at least one step), read from its read model (<see cref="CampaignReadModel"/>). Rank, id, space
/// group and energy per atom are in each file name (01-id17-Fd-3m-E-4.62971.cif) and title line
/// (POSCAR comment, CIF comment and data block, extended XYZ comment= with energy= the total energy).
/// Under an external pressure they are the N lowest in enthalpy per atom H, which names the files
/// (01-id17-Fd-3m-H-3.91231.cif) and joins E in the title with the pressure (extended XYZ: enthalpy_per_atom=, pressure_GPa=).
/// </summary>
public static class ExportCommand
{
    private static readonly string[] Formats = ["cif", "poscar", "extxyz"];

    public static Command Create()
    {
        var journal = new JournalOptions();
        var top = new Option<int>("--top") { Description = "how many of the best structures", Required = true };
        var format = new Option<string>("--format") { Description = "cif, poscar or extxyz", Required = true };
        var output = new Option<string>("--out") { Description = "folder for the structure files (created if missing)", Required = true };
        var command = new Command("export", "Write the best relaxed structures of a campaign as structure files") { top, format, output };
        journal.AddTo(command);
        command.SetAction(parsed =>
        {
            var count = parsed.GetValue(top);
            if (count < 1) throw new LaqaInputException($"--top must be at least 1 (got {count})");
            var folder = parsed.GetValue(output)!;
            if (folder.Trim().Length == 0) throw new LaqaInputException("--out is empty; give a folder for the structure files");
            if (File.Exists(folder)) throw new LaqaInputException($"--out {folder} is a file; give a folder for the structure files");
            var formatName = parsed.GetValue(format)!;
            if (!Formats.Contains(formatName)) throw new LaqaInputException($"--format must be one of {string.Join(", ", Formats)} (got '{formatName}')");
            var title = journal.Title(parsed);
            using var record = CampaignReadModel.Open(journal.Journal(parsed), note => parsed.InvocationConfiguration.Error.WriteLine($"laqa: {title}: {note}"));
            var files = Exported([.. record.Relaxed(count).Select(r => r.Result)], formatName, record.ExternalPressure);
            if (files.Count == 0) throw new LaqaInputException($"{title}: no relaxed structure to export yet");

            Directory.CreateDirectory(folder);
            var writer = parsed.InvocationConfiguration.Output;
            foreach (var file in files)
            {
                var path = Path.Combine(folder, file.Name);
                file.Write(path);
                writer.WriteLine(path);
            }
            if (files.Count < count) writer.WriteLine($"only {files.Count} relaxed structures to export");
            return 0;
        });
        return command;
    }

    private sealed record ExportedFile(string Name, Action<string> Write);

    /// <summary>Every file is named and formatted before the first one is written; best in the order of the results table.</summary>
    private static List<ExportedFile> Exported(IReadOnlyList<CandidateResult> best, string format, double pressure)
    {
        var enthalpy = !ExternalPressure.IsZero(pressure);
        var digits = Math.Max(2, best.Count.ToString(CultureInfo.InvariantCulture).Length);
        return [.. best.Select((c, i) =>
        {
            var rank = i + 1;
            var structure = c.Current!;
            var symmetry = SymmetryAnalyzer.Analyze(structure, ResultsTable.RelaxedSymprec);
            var symbol = symmetry.IsKnown ? symmetry.InternationalSymbol : SymmetryDataset.UnknownSymbol;
            var ranked = enthalpy ? Invariant($"H{c.EnthalpyPerAtom:F5}") : Invariant($"E{c.EnergyPerAtom:F5}");
            var stem = Invariant($"{rank.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}-id{c.Id}-{symbol.Replace('/', '_')}-{ranked}");
            var enthalpyText = enthalpy ? Invariant($" H {c.EnthalpyPerAtom:F8} eV/atom at {ExternalPressure.GPa(pressure)} GPa") : "";
            var title = Invariant($"rank {rank} id {c.Id} {structure.Formula()} {symbol}({symmetry.SpaceGroupNumber}) E {c.EnergyPerAtom:F8} eV/atom{enthalpyText} {Progress(c.Status)} after {c.Steps} steps");
            List<KeyValuePair<string, string>> enthalpyInfo = enthalpy
                ? [new("enthalpy_per_atom", Invariant($"{c.EnthalpyPerAtom:R}")), new("pressure_GPa", ExternalPressure.GPa(pressure))]
                : [];
            return format switch
            {
                "cif" => new ExportedFile(stem + ".cif", path => CifFormat.WriteP1(path, structure, title)),
                "poscar" => new ExportedFile(stem + ".vasp", path => PoscarFormat.Write(path, structure, title)),
                _ => new ExportedFile(stem + ".extxyz", path => ExtendedXyzFormat.Write(path, new ExtendedXyzFrame(structure)
                {
                    Energy = c.EnergyPerAtom * structure.Count,
                    Info =
                    [
                        new("comment", title), new("rank", Invariant($"{rank}")), new("id", Invariant($"{c.Id}")),
                        new("space_group", symbol), new("energy_per_atom", Invariant($"{c.EnergyPerAtom:R}")), .. enthalpyInfo,
                    ],
                })),
            };
        })];
    }

    /// <summary>"converged", "relaxing" or "stopped at the step limit", for the title line.</summary>
    private static string Progress(CandidateStatus status) =>
        status == CandidateStatus.StepLimit ? "stopped at the step limit" : status.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
