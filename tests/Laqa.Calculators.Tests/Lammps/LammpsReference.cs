using Laqa.Calculators.External;
using Laqa.Calculators.Lammps;
using System.Globalization;
using System.Text;
using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Lammps;

/// <summary>
/// Runs Debian's LAMMPS (units metal, run 0) on structures as an independent reference: each structure
/// is written as a restricted-triclinic data file, evaluated with the setup's pair commands, and its
/// energy, forces (dump, full precision) and pressure tensor (thermo, full precision) read back in
/// our frame and sign. One lmp process evaluates the whole batch.
/// </summary>
public static class LammpsReference
{
    public const string PotentialDirectory = "/usr/share/lammps/potentials";

    // LAMMPS's own conversion for units metal (force->nktv2p): pressure in bar = this × eV/Å³.
    private const double BarPerEvPerCubicAngstrom = 1.6021765e6;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static LammpsResult Run(Structure structure, LammpsSetup setup) => Run([structure], setup)[0];

    public static IReadOnlyList<LammpsResult> Run(IReadOnlyList<Structure> structures, LammpsSetup setup)
    {
        var folder = Directory.CreateTempSubdirectory("laqa-lammps-");
        try
        {
            var cells = structures.Select(s => new LammpsCell(s.Lattice)).ToArray();
            var script = new StringBuilder();
            for (var k = 0; k < structures.Count; k++)
            {
                File.WriteAllText(Path.Combine(folder.FullName, $"structure{k}.data"), DataFile(structures[k], cells[k], setup));
                script.Append(InputBlock(k, setup));
            }
            var log = LammpsProcess.Run(folder.FullName, script.ToString());
            return [.. Enumerable.Range(0, structures.Count).Select(k =>
            {
                var (energy, pressure) = ReadThermo(log, k);
                var forces = ReadForces(Path.Combine(folder.FullName, $"forces{k}.dump"), structures[k].Count);
                var stress = cells[k].TensorToOurFrame([.. pressure.Select(p => -p / BarPerEvPerCubicAngstrom)]);
                return new LammpsResult(energy, cells[k].ForcesToOurFrame(forces), stress);
            })];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string DataFile(Structure structure, LammpsCell cell, LammpsSetup setup)
    {
        var charged = setup.Charges is not null;
        var text = new StringBuilder();
        text.AppendLine("LAMMPS data file written by Laqa.Calculators.Tests");
        text.AppendLine();
        text.AppendLine(Invariant, $"{structure.Count} atoms");
        text.AppendLine(Invariant, $"{setup.Types.Count} atom types");
        text.AppendLine();
        text.AppendLine(Invariant, $"0 {cell.Lx:R} xlo xhi");
        text.AppendLine(Invariant, $"0 {cell.Ly:R} ylo yhi");
        text.AppendLine(Invariant, $"0 {cell.Lz:R} zlo zhi");
        text.AppendLine(Invariant, $"{cell.Xy:R} {cell.Xz:R} {cell.Yz:R} xy xz yz");
        text.AppendLine();
        text.AppendLine("Masses");
        text.AppendLine();
        for (var t = 0; t < setup.Types.Count; t++) text.AppendLine(Invariant, $"{t + 1} 1.0");
        text.AppendLine();
        text.AppendLine(charged ? "Atoms # charge" : "Atoms # atomic");
        text.AppendLine();
        for (var i = 0; i < structure.Count; i++)
        {
            var species = structure.Species[i];
            var type = IndexOf(setup.Types, species);
            if (type < 0) throw new ArgumentException($"species {species} has no LAMMPS atom type in [{string.Join(", ", setup.Types)}]");
            var r = cell.Lattice.ToCartesian(structure.Fractional[i]);
            var charge = charged ? string.Create(Invariant, $" {setup.Charges![species]:R}") : "";
            text.AppendLine(Invariant, $"{i + 1} {type + 1}{charge} {r.X:R} {r.Y:R} {r.Z:R}");
        }
        return text.ToString();
    }

    private static string InputBlock(int k, LammpsSetup setup) => $"""
        clear
        units metal
        atom_style {(setup.Charges is null ? "atomic" : "charge")}
        boundary p p p
        box tilt large
        read_data structure{k}.data
        {setup.Commands}
        thermo_style custom pe pxx pyy pzz pxy pxz pyz
        thermo_modify format float %20.15g
        dump forces all custom 1 forces{k}.dump id fx fy fz
        dump_modify forces sort id format float %20.15g
        print "LAQA_STRUCTURE {k}"
        run 0
        undump forces

        """;

    // After our marker, the thermo header "Pe Pxx Pyy Pzz Pxy Pxz Pyz" and one line of values.
    private static (double Energy, double[] Pressure) ReadThermo(string[] log, int k)
    {
        var marker = Array.IndexOf(log, $"LAQA_STRUCTURE {k}");
        if (marker < 0) throw new InvalidOperationException($"LAMMPS log has no result for structure {k}");
        for (var line = marker + 1; line + 1 < log.Length; line++)
        {
            var header = log[line].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (header.Length != 7 || header[0] != "PotEng" && header[0] != "Pe") continue;
            var values = log[line + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, Invariant)).ToArray();
            // LAMMPS orders the pressure tensor xx yy zz xy xz yz; ours is a full row-major 3×3.
            double xx = values[1], yy = values[2], zz = values[3], xy = values[4], xz = values[5], yz = values[6];
            return (values[0], [xx, xy, xz, xy, yy, yz, xz, yz, zz]);
        }
        throw new InvalidOperationException($"LAMMPS log has no thermo output for structure {k}");
    }

    private static double[] ReadForces(string path, int atoms)
    {
        var lines = File.ReadAllLines(path);
        var first = Array.FindIndex(lines, l => l.StartsWith("ITEM: ATOMS", StringComparison.Ordinal)) + 1;
        var forces = new double[3 * atoms];
        for (var i = 0; i < atoms; i++)
        {
            var fields = lines[first + i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var id = int.Parse(fields[0], Invariant) - 1;
            for (var a = 0; a < 3; a++) forces[3 * id + a] = double.Parse(fields[1 + a], Invariant);
        }
        return forces;
    }

    private static int IndexOf(IReadOnlyList<string> types, string species)
    {
        for (var t = 0; t < types.Count; t++)
            if (types[t] == species) return t;
        return -1;
    }
}
