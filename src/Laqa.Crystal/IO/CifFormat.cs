using System.Globalization;
using System.Text;
using Laqa.Crystal.Spglib;

namespace Laqa.Crystal.IO;

/// <summary>
/// CIF 1.1 structures. Reading takes the first data block with a cell, applies the symmetry
/// operations (_space_group_symop_operation_xyz or _symmetry_equiv_pos_as_xyz) to the
/// _atom_site fractional coordinates (esd parentheses allowed) and removes the duplicates.
/// Writing gives either every atom in P1, or spglib's conventional cell as its asymmetric unit
/// with the space group's operations, number and Hermann–Mauguin symbol.
/// </summary>
public static class CifFormat
{
    /// <summary>Images of one site closer than this (Å) are the same atom.</summary>
    public const double DuplicateTolerance = 0.01;

    public static TitledStructure Read(string path) => Parse(TextSource.FromFile(path));

    /// <summary>Parses CIF text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static TitledStructure Parse(string text, string sourceName) => Parse(new TextSource(text, sourceName));

    /// <summary>Writes every atom with the single operation x, y, z (atomically).</summary>
    public static void WriteP1(string path, Structure structure, string title = "") =>
        AtomicFile.WriteAllText(path, FormatP1(structure, title));

    /// <summary>
    /// Writes spglib's standardized conventional cell as asymmetric unit plus operations (atomically).
    /// Returns the analysis; when the symmetry is unknown the file is written in P1.
    /// </summary>
    public static SymmetryDataset WriteSymmetrized(string path, Structure structure, double symprec = 1e-3, string title = "")
    {
        var dataset = SymmetryAnalyzer.Analyze(structure, symprec);
        AtomicFile.WriteAllText(path, FormatSymmetrized(structure, dataset, symprec, title));
        return dataset;
    }

    public static string FormatP1(Structure structure, string title = "") =>
        Format(structure, [SymmetryOperation.Identity], [.. Enumerable.Range(0, structure.Count)], 1, "P 1", title);

    /// <summary>CIF of the analysed structure in its space group; P1 of <paramref name="structure"/> when the analysis is unknown.</summary>
    public static string FormatSymmetrized(Structure structure, SymmetryDataset dataset, double symprec = 1e-3, string title = "")
    {
        var operations = dataset.IsKnown ? SymmetryAnalyzer.OperationsOfHallNumber(dataset.HallNumber) : [];
        if (dataset.Standardized is not { } conventional || operations.IsEmpty) return FormatP1(structure, title);
        var asymmetric = AsymmetricUnit(conventional, operations, symprec);
        return Format(conventional, operations, asymmetric, dataset.SpaceGroupNumber, dataset.InternationalSymbol, title);
    }

    private static List<int> AsymmetricUnit(Structure cell, IReadOnlyList<SymmetryOperation> operations, double tolerance)
    {
        var kept = new List<int>();
        for (var i = 0; i < cell.Count; i++)
        {
            var image = false;
            foreach (var j in kept)
                if (cell.Species[j] == cell.Species[i] &&
                    operations.Any(op => PeriodicDistance(cell.Lattice, op.Apply(cell.Fractional[j]), cell.Fractional[i]) < tolerance))
                {
                    image = true;
                    break;
                }
            if (!image) kept.Add(i);
        }
        return kept;
    }

    private static string Format(Structure cell, IReadOnlyList<SymmetryOperation> operations, IReadOnlyList<int> sites,
        int number, string symbol, string title)
    {
        var text = new StringBuilder();
        var name = string.IsNullOrWhiteSpace(title) ? cell.Formula() : title;
        foreach (var line in name.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            text.Append("# ").Append(line.TrimEnd('\r')).Append('\n');
        text.Append("data_").Append(string.Concat(name.Trim().Select(c => char.IsWhiteSpace(c) ? '_' : c))).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"_chemical_formula_sum '{string.Join(' ', cell.Composition().Select(c => $"{c.Symbol}{c.Count}"))}'\n");
        text.Append(CultureInfo.InvariantCulture, $"_symmetry_space_group_name_H-M '{symbol}'\n");
        text.Append(CultureInfo.InvariantCulture, $"_symmetry_Int_Tables_number {number}\n");
        var l = cell.Lattice;
        foreach (var (tag, value) in new[] { ("_cell_length_a", l.LengthA), ("_cell_length_b", l.LengthB), ("_cell_length_c", l.LengthC),
                     ("_cell_angle_alpha", l.Alpha), ("_cell_angle_beta", l.Beta), ("_cell_angle_gamma", l.Gamma) })
            text.Append(CultureInfo.InvariantCulture, $"{tag,-18} {value:F14}\n");
        text.Append(CultureInfo.InvariantCulture, $"_cell_volume       {l.Volume:F10}\n\n");

        text.Append("loop_\n_space_group_symop_id\n_space_group_symop_operation_xyz\n");
        for (var k = 0; k < operations.Count; k++)
            text.Append(CultureInfo.InvariantCulture, $"{k + 1,4} '{SymmetryOperationXyz.Format(operations[k])}'\n");

        text.Append("\nloop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\n");
        var perSpecies = new Dictionary<string, int>();
        foreach (var i in sites)
        {
            var species = cell.Species[i];
            perSpecies[species] = perSpecies.GetValueOrDefault(species) + 1;
            var f = cell.Fractional[i];
            text.Append(CultureInfo.InvariantCulture, $"{species + perSpecies[species],-6} {species,-3} {f.X:F14} {f.Y:F14} {f.Z:F14} 1\n");
        }
        return text.ToString();
    }

    private static TitledStructure Parse(TextSource source)
    {
        var blocks = CifParser.Parse(source);
        var block = blocks.FirstOrDefault(b => b.Items.ContainsKey("_cell_length_a"))
            ?? throw source.Error(blocks.Count > 0 ? blocks[0].Line : 1, "no data block with _cell_length_a");

        var lattice = ReadLattice(source, block);
        var operations = ReadOperations(source, block);
        var sites = block.LoopWith("_atom_site_fract_x") ?? throw source.Error(block.Line, $"data_{block.Name} has no _atom_site_fract_x loop");
        var species = new List<string>();
        var fractional = new List<Vec3>();
        foreach (var row in sites.Rows)
        {
            var (symbol, position) = ReadSite(source, sites, row);
            foreach (var op in operations)
            {
                var image = op.Apply(position).Wrapped();
                var duplicate = false;
                for (var k = 0; k < fractional.Count; k++)
                {
                    if (PeriodicDistance(lattice, image, fractional[k]) >= DuplicateTolerance) continue;
                    if (species[k] != symbol)
                        throw source.Error(row[0].Line, $"site {row[0].Text} ({symbol}) overlaps an atom of {species[k]}: disordered sites are not supported");
                    duplicate = true;
                    break;
                }
                if (duplicate) continue;
                species.Add(symbol);
                fractional.Add(image);
            }
        }
        if (species.Count == 0) throw source.Error(sites.Line, "the _atom_site loop holds no atoms");
        return new TitledStructure(new Structure(lattice, species, fractional), block.Name);
    }

    private static Lattice ReadLattice(TextSource source, CifBlock block)
    {
        double Parameter(string tag, double? absent)
        {
            if (!block.Items.TryGetValue(tag, out var value) || value.IsMissing)
                return absent ?? throw source.Error(block.Line, $"data_{block.Name} has no {tag}");
            return Number(source, value, tag);
        }
        var a = Parameter("_cell_length_a", null);
        var b = Parameter("_cell_length_b", null);
        var c = Parameter("_cell_length_c", null);
        var alpha = Parameter("_cell_angle_alpha", 90);
        var beta = Parameter("_cell_angle_beta", 90);
        var gamma = Parameter("_cell_angle_gamma", 90);
        try
        {
            return Lattice.FromParameters(a, b, c, alpha, beta, gamma);
        }
        catch (LaqaInputException e)
        {
            throw source.Error(block.Items["_cell_length_a"].Line, e.Message);
        }
    }

    private static List<SymmetryOperation> ReadOperations(TextSource source, CifBlock block)
    {
        var values = block.Values("_space_group_symop_operation_xyz");
        if (values.Count == 0) values = block.Values("_symmetry_equiv_pos_as_xyz");
        if (values.Count == 0)
        {
            var symbol = block.Values("_symmetry_space_group_name_h-m").Concat(block.Values("_space_group_name_h-m_alt"))
                .FirstOrDefault(v => !v.IsMissing);
            if (symbol is not null && symbol.Text.Replace(" ", "") != "P1")
                throw source.Error(symbol.Line, $"space group '{symbol.Text}' is given without its operations (_space_group_symop_operation_xyz)");
            return [SymmetryOperation.Identity];
        }
        var operations = new List<SymmetryOperation>();
        var texts = new List<string>();
        foreach (var value in values)
        {
            var op = SymmetryOperationXyz.TryParse(value.Text, out var problem)
                ?? throw source.Error(value.Line, $"bad symmetry operation '{value.Text}': {problem}");
            if (op.Determinant is not (1 or -1))
                throw source.Error(value.Line, $"symmetry operation '{value.Text}' is not invertible with determinant ±1");
            if (operations.Contains(op)) continue;
            operations.Add(op);
            texts.Add(value.Text);
        }
        if (OperationClosure.FirstMissingProduct(operations) is var (first, second))
            throw source.Error(values[0].Line, $"the symmetry operations do not form a group: the product of '{texts[first]}' and " +
                                               $"'{texts[second]}' is not listed (a missing or mistyped operation?)");
        return operations;
    }

    private static (string Symbol, Vec3 Position) ReadSite(TextSource source, CifLoop sites, CifValue[] row)
    {
        var symbolColumn = sites.Column("_atom_site_type_symbol");
        if (symbolColumn < 0) symbolColumn = sites.Column("_atom_site_label");
        if (symbolColumn < 0) throw source.Error(sites.Line, "the _atom_site loop has neither _atom_site_type_symbol nor _atom_site_label");
        var symbolValue = row[symbolColumn];
        var symbol = ChemicalSymbols.ElementOfLabel(symbolValue.Text)
            ?? throw source.Error(symbolValue.Line, $"unknown element '{symbolValue.Text}' in {sites.Tags[symbolColumn]}");

        var occupancyColumn = sites.Column("_atom_site_occupancy");
        if (occupancyColumn >= 0 && !row[occupancyColumn].IsMissing)
        {
            var occupancy = Number(source, row[occupancyColumn], "_atom_site_occupancy");
            if (Math.Abs(occupancy - 1) > 1e-3)
                throw source.Error(row[occupancyColumn].Line, $"site {row[0].Text} has occupancy {row[occupancyColumn].Text}: partially occupied sites are not supported");
        }

        double Coordinate(string tag)
        {
            var column = sites.Column(tag);
            if (column < 0) throw source.Error(sites.Line, $"the _atom_site loop has no {tag}");
            if (row[column].IsMissing) throw source.Error(row[column].Line, $"site {row[0].Text} has no value for {tag}");
            return Number(source, row[column], tag);
        }
        return (symbol, new Vec3(Coordinate("_atom_site_fract_x"), Coordinate("_atom_site_fract_y"), Coordinate("_atom_site_fract_z")));
    }

    /// <summary>A CIF number, with its standard uncertainty in parentheses dropped: 0.1234(5) → 0.1234.</summary>
    private static double Number(TextSource source, CifValue value, string tag)
    {
        var text = value.Text;
        var open = text.IndexOf('(');
        if (open > 0 && text.EndsWith(')') && text[(open + 1)..^1].All(char.IsAsciiDigit)) text = text[..open];
        return source.Number(text, tag, value.Line);
    }

    private static double PeriodicDistance(Lattice lattice, Vec3 a, Vec3 b)
    {
        var d = a - b;
        return lattice.ToCartesian(new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z))).Norm;
    }
}
