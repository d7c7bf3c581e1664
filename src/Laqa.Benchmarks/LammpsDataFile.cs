using System.Globalization;
using System.Text;
using Laqa.Crystal;

namespace Laqa.Benchmarks;

/// <summary>
/// A LAMMPS data file of a structure in the restricted triclinic frame (a along x, b in the xy
/// plane): the same cell rotated, which changes no energy.
/// </summary>
public static class LammpsDataFile
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(Structure structure, LammpsModel model)
    {
        Vec3 a = structure.Lattice.A, b = structure.Lattice.B, c = structure.Lattice.C;
        var lx = a.Norm;
        var xy = b.Dot(a / lx);
        var ly = Math.Sqrt(b.NormSquared - xy * xy);
        var xz = c.Dot(a / lx);
        var yz = (b.Dot(c) - xy * xz) / ly;
        var lz = Math.Sqrt(c.NormSquared - xz * xz - yz * yz);
        var frame = new Lattice(new Vec3(lx, 0, 0), new Vec3(xy, ly, 0), new Vec3(xz, yz, lz));

        var text = new StringBuilder();
        text.AppendLine("LAMMPS data file written by Laqa.Benchmarks");
        text.AppendLine();
        text.AppendLine(Invariant, $"{structure.Count} atoms");
        text.AppendLine(Invariant, $"{model.Types.Count} atom types");
        text.AppendLine();
        text.AppendLine(Invariant, $"0 {lx:R} xlo xhi");
        text.AppendLine(Invariant, $"0 {ly:R} ylo yhi");
        text.AppendLine(Invariant, $"0 {lz:R} zlo zhi");
        text.AppendLine(Invariant, $"{xy:R} {xz:R} {yz:R} xy xz yz");
        text.AppendLine();
        text.AppendLine("Masses");
        text.AppendLine();
        for (var t = 0; t < model.Types.Count; t++) text.AppendLine(Invariant, $"{t + 1} 1.0");
        text.AppendLine();
        text.AppendLine(model.Charges is null ? "Atoms # atomic" : "Atoms # charge");
        text.AppendLine();
        for (var i = 0; i < structure.Count; i++)
        {
            var species = structure.Species[i];
            var type = model.Types.ToList().IndexOf(species) + 1;
            if (type == 0) throw new ArgumentException($"species {species} has no LAMMPS atom type");
            var r = frame.ToCartesian(structure.Fractional[i]);
            var charge = model.Charges is null ? "" : string.Create(Invariant, $" {model.Charges[species]:R}");
            text.AppendLine(Invariant, $"{i + 1} {type}{charge} {r.X:R} {r.Y:R} {r.Z:R}");
        }
        return text.ToString();
    }
}
