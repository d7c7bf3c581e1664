using System.Globalization;
using System.Text;
using Laqa.Crystal;

namespace Laqa.Calculators.Lammps;

/// <summary>
/// A LAMMPS model in units metal: the species of atom types 1, 2, ... in order, their masses (u),
/// pair_style and pair_coeff lines (potential files by full path), optional charges per species
/// (then atom_style charge) and an optional kspace_style (e.g. "ewald 1e-10").
/// </summary>
public sealed record LammpsSettings(
    IReadOnlyList<string> Types,
    IReadOnlyDictionary<string, double> Masses,
    string PairStyle,
    IReadOnlyList<string> PairCoeff,
    IReadOnlyDictionary<string, double>? Charges = null,
    string? KSpaceStyle = null)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The commands that follow the box and atoms: masses, pair, kspace.</summary>
    public string ModelCommands()
    {
        var text = new StringBuilder();
        for (var t = 0; t < Types.Count; t++) text.AppendLine(Invariant, $"mass {t + 1} {Masses[Types[t]]:R}");
        text.AppendLine($"pair_style {PairStyle}");
        foreach (var line in PairCoeff) text.AppendLine($"pair_coeff {line}");
        if (KSpaceStyle is not null) text.AppendLine($"kspace_style {KSpaceStyle}");
        return text.ToString();
    }

    /// <summary>
    /// The whole script of a fresh instance for <paramref name="structure"/>: a restricted triclinic box
    /// of <paramref name="cell"/>, one atom per site (placed at the box centre; each evaluation sets the
    /// positions), the model, and the thermo output the calculator reads.
    /// </summary>
    public string Script(Structure structure, LammpsCell cell)
    {
        var text = new StringBuilder();
        text.AppendLine("clear");
        text.AppendLine("units metal");
        text.AppendLine(Charges is null ? "atom_style atomic" : "atom_style charge");
        // A map for lammps_scatter_atoms by atom ID; no sorting, so nothing moves between calls.
        text.AppendLine("atom_modify map array sort 0 0.0");
        text.AppendLine("boundary p p p");
        text.AppendLine("box tilt large");
        text.AppendLine(Invariant, $"region cell prism 0 {cell.Lx:R} 0 {cell.Ly:R} 0 {cell.Lz:R} {cell.Xy:R} {cell.Xz:R} {cell.Yz:R} units box");
        text.AppendLine(Invariant, $"create_box {Types.Count} cell");
        double cx = (cell.Lx + cell.Xy + cell.Xz) / 2, cy = (cell.Ly + cell.Yz) / 2, cz = cell.Lz / 2;
        foreach (var species in structure.Species)
            text.AppendLine(Invariant, $"create_atoms {TypeOf(species)} single {cx:R} {cy:R} {cz:R} units box");
        text.Append(ModelCommands());
        // Lists are rebuilt on every evaluation (see LammpsInstance), so the skin is only the margin of
        // the ghost shell; 0.3 Å as in the benchmark's lmp rather than metal's default 2 Å.
        text.AppendLine("neighbor 0.3 bin");
        text.AppendLine("neigh_modify every 1 delay 0 check no");
        // Marks the box as changing, so that a step re-neighbouring also redoes communication and bins
        // for a new box; box/relax itself acts only in minimize, which is never run.
        text.AppendLine("fix laqaBoxChanges all box/relax tri 0.0");
        text.AppendLine("thermo_style custom pe pxx pyy pzz pxy pxz pyz");
        text.AppendLine("thermo_modify norm no");
        return text.ToString();
    }

    /// <summary>The charge of each atom, or none without charges.</summary>
    public double[] AtomCharges(Structure structure) => Charges is null ? [] : [.. structure.Species.Select(s => Charges[s])];

    /// <summary>The LAMMPS atom type (1-based) of a species; 0 when it has none.</summary>
    public int TypeOf(string species)
    {
        for (var t = 0; t < Types.Count; t++)
            if (Types[t] == species) return t + 1;
        return 0;
    }
}
