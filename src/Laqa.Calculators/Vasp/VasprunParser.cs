using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Laqa.Crystal;

namespace Laqa.Calculators.Vasp;

/// <summary>
/// Reads vasprun.xml as a stream: the species of <c>atominfo</c>, then per <c>calculation</c> (one
/// ionic step) its structure, forces (eV/Å), stress (kB) and energies. The free energy is the step's
/// e_fr_energy; the σ → 0 energy is that plus e_0_energy − e_fr_energy of the step's last SCF
/// iteration, as ASE reads it, because the step's own e_0_energy is wrong in VASP 5 (the VASP 5.3.5
/// file of the tests holds -0.0 there) and the SCF's energies lack a van der Waals correction. A step
/// counts once its energy has been read, so a file cut off later in the step (eigenvalues, DOS) still
/// gives it; a file cut off or broken anywhere gives the steps before, with the reason in
/// <see cref="VasprunOutput.Error"/>.
/// </summary>
public static class VasprunParser
{
    public const string FileName = "vasprun.xml";

    public static VasprunOutput Read(string path)
    {
        var steps = new List<VaspStep>();
        string[]? species = null;
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
        var where = (IXmlLineInfo)reader;
        var complete = false;
        try
        {
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.Name == "atominfo")
                    species = Species((XElement)XNode.ReadFrom(reader));
                else if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.Name == "calculation")
                {
                    if (species is null) throw new VasprunException($"line {where.LineNumber}: an ionic step before the atom list (atominfo)");
                    Calculation(reader, species, steps, where.LineNumber);
                }
                else
                {
                    if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0) complete = true;
                    reader.Read();
                }
            }
        }
        catch (XmlException e)
        {
            return new VasprunOutput(steps, $"{path} is cut off or broken at line {e.LineNumber} after {steps.Count} complete ionic steps: {e.Message}");
        }
        catch (VasprunException e)
        {
            return new VasprunOutput(steps, $"{path} {e.Message}");
        }
        catch (LaqaInputException e)
        {
            return new VasprunOutput(steps, $"{path}: ionic step {steps.Count + 1}: {e.Message}");
        }
        return new VasprunOutput(steps, complete ? null : $"{path} ends after {steps.Count} complete ionic steps without closing its root element");
    }

    /// <summary>
    /// Reads one calculation's children (reader on its start tag), adds its step to
    /// <paramref name="steps"/> as soon as its energy is read, and moves past the rest of it.
    /// </summary>
    private static void Calculation(XmlReader reader, string[] species, List<VaspStep> steps, int line)
    {
        var number = steps.Count + 1;
        XElement? structure = null, forces = null, stress = null, lastScf = null;
        var added = false;
        var empty = reader.IsEmptyElement;
        reader.Read();
        while (!empty)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 1)
            {
                reader.Read();
                break;
            }
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 2)
            {
                reader.Read();
                continue;
            }
            switch (reader.Name)
            {
                case "scstep":
                    lastScf = ((XElement)XNode.ReadFrom(reader)).Element("energy") ?? lastScf;
                    break;
                case "structure":
                    structure = (XElement)XNode.ReadFrom(reader);
                    break;
                case "varray":
                    var array = (XElement)XNode.ReadFrom(reader);
                    if ((string?)array.Attribute("name") == "forces") forces = array;
                    else if ((string?)array.Attribute("name") == "stress") stress = array;
                    break;
                case "energy":
                    var energy = (XElement)XNode.ReadFrom(reader);
                    steps.Add(Step(species, number, line, structure, forces, stress, lastScf, energy));
                    added = true;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (!added) throw new VasprunException($"line {line}: ionic step {number} has no energy");
    }

    private static VaspStep Step(string[] species, int number, int line, XElement? structure, XElement? forces, XElement? stress, XElement? lastScf, XElement energy)
    {
        string Where() => $"line {line}: ionic step {number}";
        var missing = structure is null ? "structure" : forces is null ? "forces" : stress is null ? "stress" : lastScf is null ? "SCF iteration" : null;
        if (missing is not null) throw new VasprunException($"{Where()} has no {missing} before its energy");
        var basis = structure!.Element("crystal")?.Elements("varray").FirstOrDefault(v => (string?)v.Attribute("name") == "basis")
            ?? throw new VasprunException($"{Where()}: the structure has no basis");
        var positions = structure.Elements("varray").FirstOrDefault(v => (string?)v.Attribute("name") == "positions")
            ?? throw new VasprunException($"{Where()}: the structure has no positions");
        var cell = Rows(basis, 3, $"{Where()}: cell");
        var fractional = Rows(positions, species.Length, $"{Where()}: positions");
        var lattice = new Lattice(new Vec3(cell[0], cell[1], cell[2]), new Vec3(cell[3], cell[4], cell[5]), new Vec3(cell[6], cell[7], cell[8]));
        var atoms = new Structure(lattice, species, Enumerable.Range(0, species.Length).Select(a => new Vec3(fractional[3 * a], fractional[3 * a + 1], fractional[3 * a + 2])));
        var free = Energy(energy, "e_fr_energy", Where());
        var smearingCorrection = Energy(lastScf!, "e_0_energy", Where()) - Energy(lastScf!, "e_fr_energy", Where());
        return new VaspStep(atoms, free, free + smearingCorrection, Rows(forces!, species.Length, $"{Where()}: forces"), Symmetric(Rows(stress!, 3, $"{Where()}: stress")));
    }

    /// <summary>The stress made symmetric from its upper triangle, as ASE reads it (VASP rounds the two halves apart in the last digit).</summary>
    private static double[] Symmetric(double[] stress)
    {
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < i; j++)
                stress[3 * i + j] = stress[3 * j + i];
        return stress;
    }

    /// <summary>The numbers of a varray of <paramref name="count"/> rows of three.</summary>
    private static double[] Rows(XElement varray, int count, string what)
    {
        var rows = varray.Elements("v").ToList();
        if (rows.Count != count) throw new VasprunException($"{what}: {rows.Count} rows, expected {count}");
        var values = new double[3 * count];
        for (var r = 0; r < count; r++)
        {
            var fields = rows[r].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3) throw new VasprunException($"{what}: row {r + 1} is \"{rows[r].Value.Trim()}\", expected three numbers");
            for (var c = 0; c < 3; c++) values[3 * r + c] = Number(fields[c], what);
        }
        return values;
    }

    private static double Energy(XElement energy, string name, string where)
    {
        var item = energy.Elements("i").FirstOrDefault(i => (string?)i.Attribute("name") == name)
            ?? throw new VasprunException($"{where}: no {name}");
        return Number(item.Value.Trim(), $"{where}: {name}");
    }

    /// <summary>A finite number; VASP prints ***** for one that does not fit its format.</summary>
    private static double Number(string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? x
            : throw new VasprunException($"{what}: \"{text}\" is not a number");

    private static string[] Species(XElement atominfo) =>
        [.. atominfo.Elements("array").Where(a => (string?)a.Attribute("name") == "atoms")
            .SelectMany(a => a.Elements("set").Elements("rc")).Select(rc => rc.Elements("c").First().Value.Trim())];

    private sealed class VasprunException(string message) : Exception(message);
}
