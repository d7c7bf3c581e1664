using System.Globalization;
using System.Text;
using Laqa.Crystal.IO;
using Laqa.Engine.Journal;
using Laqa.Search;

namespace Laqa.Cli;

/// <summary>
/// A candidate's line in the LAQA table: its score L = -H + bias (+∞ before its first batch, -∞ once
/// converged, failed or at the step limit), energy per atom E, enthalpy per atom H = E + pV/N (H = E at zero
/// pressure) and bias wF F²/(2 dF) + wS S of its last batch, steps and times selected. NaN energy, enthalpy and
/// bias before the first batch. A duplicate's status names the converged candidate it matched.
/// </summary>
public sealed record LaqaRow(int Id, double Score, double EnergyPerAtom, double EnthalpyPerAtom, double Bias, int Steps, int TimesSelected, CandidateStatus Status,
    int? DuplicateOf = null)
{
    public string StatusText => Cli.StatusText.Of(Status, DuplicateOf);
}

/// <summary>
/// The LAQA table (laqa.tsv), from <see cref="LaqaScore"/>: highest score first (what a selection would take next),
/// then lowest enthalpy, then id; under an external pressure with an enthalpy column after the energy.
/// </summary>
public static class LaqaTable
{
    public const string FileName = "laqa.tsv";

    /// <summary>Every candidate that is known to the search, scored with these weights (an rs campaign's unused LAQA weights too).</summary>
    public static IReadOnlyList<LaqaRow> Rows(IEnumerable<SnapshotRow> snapshots, LaqaWeights weights) =>
        [.. snapshots
            .Select(known =>
            {
                var s = known.Snapshot;
                var applied = s.Steps > 0;
                return new LaqaRow(s.Id, LaqaScore.Of(s, weights), applied ? s.EnergyPerAtom : double.NaN, applied ? s.EnthalpyPerAtom : double.NaN,
                    applied ? LaqaScore.Bias(s, weights) : double.NaN, s.Steps, known.TimesSelected, s.Status, s.DuplicateOf);
            })
            .OrderByDescending(r => r.Score)
            .ThenBy(r => double.IsNaN(r.EnthalpyPerAtom) ? double.PositiveInfinity : r.EnthalpyPerAtom)
            .ThenBy(r => r.Id)];

    public static void Write(string path, IReadOnlyList<LaqaRow> rows, double pressure)
    {
        var enthalpy = !ExternalPressure.IsZero(pressure);
        var text = new StringBuilder($"# id\tscore\tenergy_eV_per_atom\t{(enthalpy ? "enthalpy_eV_per_atom\t" : "")}bias\tsteps\ttimes_selected\tstatus\n");
        foreach (var r in rows)
            text.Append(CultureInfo.InvariantCulture,
                $"{r.Id}\t{r.Score:R}\t{r.EnergyPerAtom:R}\t{(enthalpy ? r.EnthalpyPerAtom.ToString("R", CultureInfo.InvariantCulture) + "\t" : "")}{r.Bias:R}\t{r.Steps}\t{r.TimesSelected}\t{r.StatusText}\n");
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
