using System.Globalization;
using System.Text;
using Laqa.Crystal;
using Laqa.Crystal.Fingerprints;
using Laqa.Crystal.IO;
using Laqa.Crystal.Spglib;
using Laqa.Crystal.Symmetry;
using Laqa.Engine.Journal;
using Laqa.Search;

namespace Laqa.Cli;

/// <summary>
/// A candidate's line in the results: ids, space groups before and after relaxation, energy and enthalpy per atom, steps, status
/// (with the converged candidate a duplicate matched), why it failed or what stopping it as a duplicate saved, and the space
/// group it was generated in (null when the journal does not say).
/// </summary>
public sealed record ResultRow(
    int Id, string InitialSpaceGroup, string RelaxedSpaceGroup, double EnergyPerAtom, double EnthalpyPerAtom, int Steps, int TimesSelected, CandidateStatus Status, string? Reason,
    int? DuplicateOf = null, string? GeneratedSpaceGroup = null)
{
    /// <summary>The status as the table writes it: "Duplicate of 12" for a duplicate.</summary>
    public string StatusText => Cli.StatusText.Of(Status, DuplicateOf);
}

/// <summary>
/// The results table sorted by enthalpy per atom (then id), as printed and as results.tsv; under an external pressure
/// p (eV/Å³) with an enthalpy column after the energy, at zero pressure (where H = E) without it.
/// </summary>
public static class ResultsTable
{
    /// <summary>The tolerance duplicate pruning compares relaxed structures with, so that both see the same groups.</summary>
    public const double RelaxedSymprec = StructureSignature.Symprec;

    /// <summary>
    /// The rows of candidates already in the table's order (<see cref="CampaignReadModel.Ranked"/>), with their space groups:
    /// two spglib analyses per row (1–2 ms of CPU each for 16 atoms), most of the time a table takes, so only for the rows shown,
    /// and the rows on all processors, in their order.
    /// </summary>
    public static IReadOnlyList<ResultRow> Rows(IEnumerable<CandidateRow> ranked) => [.. ranked.AsParallel().AsOrdered().Select(Row)];

    public static ResultRow Row(CandidateRow row)
    {
        var c = row.Result;
        return new(c.Id, SpaceGroupOf(c.Initial, 1e-3), SpaceGroupOf(c.Current, RelaxedSymprec), c.EnergyPerAtom, c.EnthalpyPerAtom,
            c.Steps, row.TimesSelected, c.Status, c.Status == CandidateStatus.Duplicate ? StatusText.DuplicateReason(c.Steps) : c.FailureReason, c.DuplicateOf,
            c.GeneratedSpaceGroup is { } number ? SpaceGroupText(number) : null);
    }

    /// <summary>"symbol(number)", as spglib's groups are written.</summary>
    private static string SpaceGroupText(int number) => $"{SpaceGroups.Get(number).Symbol}({number})";

    public static void Write(string path, IReadOnlyList<ResultRow> rows, double pressure)
    {
        var enthalpy = !ExternalPressure.IsZero(pressure);
        var text = new StringBuilder($"# id\tinitial_spg\trelaxed_spg\tenergy_eV_per_atom\t{(enthalpy ? "enthalpy_eV_per_atom\t" : "")}steps\ttimes_selected\tstatus\treason\tgenerated_spg\n");
        foreach (var r in rows)
            text.Append(CultureInfo.InvariantCulture,
                $"{r.Id}\t{r.InitialSpaceGroup}\t{r.RelaxedSpaceGroup}\t{r.EnergyPerAtom:R}\t{(enthalpy ? Invariant($"{r.EnthalpyPerAtom:R}\t") : "")}{r.Steps}\t{r.TimesSelected}\t{r.StatusText}\t{r.Reason}\t{r.GeneratedSpaceGroup ?? "-"}\n");
        AtomicFile.WriteAllText(path, text.ToString());
    }

    public static void Print(TextWriter output, IReadOnlyList<ResultRow> rows, int top, double pressure)
    {
        var enthalpy = !ExternalPressure.IsZero(pressure);
        output.WriteLine($"{"rank",4} {"id",5}  {"initial",-16} {"relaxed",-16} {"E (eV/atom)",12} {(enthalpy ? $"{"H (eV/atom)",12} " : "")}{"steps",6}  status");
        foreach (var (r, rank) in rows.Take(top).Select((r, i) => (r, i + 1)))
            output.WriteLine(Invariant(
                $"{rank,4} {r.Id,5}  {r.InitialSpaceGroup,-16} {r.RelaxedSpaceGroup,-16} {r.EnergyPerAtom,12:F5} {(enthalpy ? Invariant($"{r.EnthalpyPerAtom,12:F5} ") : "")}{r.Steps,6}  {r.StatusText}{(r.Reason is null ? "" : ": " + r.Reason)}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>"symbol(number)" by spglib, "-" without a structure.</summary>
    public static string SpaceGroupOf(Structure? structure, double symprec)
    {
        if (structure is null) return "-";
        var found = SymmetryAnalyzer.Analyze(structure, symprec);
        return found.IsKnown ? $"{found.InternationalSymbol}({found.SpaceGroupNumber})" : SymmetryDataset.UnknownSymbol;
    }
}
