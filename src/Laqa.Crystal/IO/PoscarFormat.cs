using System.Globalization;
using System.Text;

namespace Laqa.Crystal.IO;

/// <summary>
/// VASP 5 POSCAR/CONTCAR: title, scale (one factor, a negative target volume, or three cartesian
/// factors), lattice rows, species line, counts, optional "Selective dynamics", Direct or Cartesian
/// positions. Selective-dynamics flags and anything after the positions (velocities) are ignored.
/// </summary>
public static class PoscarFormat
{
    public static TitledStructure Read(string path) => Parse(TextSource.FromFile(path));

    /// <summary>Parses POSCAR text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static TitledStructure Parse(string text, string sourceName) => Parse(new TextSource(text, sourceName));

    /// <summary>Writes atomically: a temporary file beside <paramref name="path"/> is moved over it.</summary>
    public static void Write(string path, Structure structure, string title = "", bool cartesian = false) =>
        AtomicFile.WriteAllText(path, Format(structure, title, cartesian));

    /// <summary>POSCAR text with scale 1; species are written as runs in atom order so the order survives.</summary>
    public static string Format(Structure structure, string title = "", bool cartesian = false)
    {
        var text = new StringBuilder();
        var oneLineTitle = string.IsNullOrWhiteSpace(title) ? structure.Formula() : title.ReplaceLineEndings(" ");
        text.Append(oneLineTitle).Append('\n').Append("1.0\n");
        for (var i = 0; i < 3; i++) AppendVector(text, structure.Lattice[i]);
        var runs = Runs(structure);
        text.Append(string.Concat(runs.Select(r => $" {r.Symbol,4}"))).Append('\n');
        text.Append(string.Concat(runs.Select(r => $" {r.Count,4}"))).Append('\n');
        text.Append(cartesian ? "Cartesian\n" : "Direct\n");
        for (var i = 0; i < structure.Count; i++)
            AppendVector(text, cartesian ? structure.CartesianOf(i) : structure.Fractional[i]);
        return text.ToString();
    }

    private static TitledStructure Parse(TextSource source)
    {
        var title = source.Next("a title line").Trim();
        var scale = ReadScale(source);
        var rows = new Vec3[3];
        for (var i = 0; i < 3; i++)
        {
            var f = source.NextFields($"lattice vector {i + 1}", 3);
            rows[i] = new Vec3(source.Number(f[0], "a lattice vector"), source.Number(f[1], "a lattice vector"), source.Number(f[2], "a lattice vector"));
        }
        var species = ReadSpecies(source);
        var counts = ReadCounts(source, species.Length);

        var mode = source.Next("the coordinate mode (Direct or Cartesian)").Trim();
        if (mode.StartsWith('s') || mode.StartsWith('S'))
            mode = source.Next("the coordinate mode (Direct or Cartesian)").Trim();
        var cartesian = mode.Length > 0 && "cCkK".Contains(mode[0]);
        if (!cartesian && !(mode.Length > 0 && "dD".Contains(mode[0])))
            throw source.Error($"expected Direct or Cartesian, found '{mode}'");

        var factors = CartesianFactors(source, rows, scale);
        Lattice lattice;
        try
        {
            lattice = new Lattice(ScaleCartesian(rows[0], factors), ScaleCartesian(rows[1], factors), ScaleCartesian(rows[2], factors));
        }
        catch (LaqaInputException e)
        {
            throw source.Error(3, e.Message);
        }
        var total = counts.Sum(c => (long)c);
        // Sized by the lines present, not the count announced: a count of 2000000000 ends at the file's end, not out of memory.
        var positions = new List<Vec3>((int)Math.Min(total, source.RemainingLines));
        for (var k = 0L; k < total; k++)
        {
            var f = source.NextFields($"position of atom {k + 1} of {total}", 3);
            var p = new Vec3(source.Number(f[0], "a position"), source.Number(f[1], "a position"), source.Number(f[2], "a position"));
            positions.Add(cartesian ? lattice.ToFractional(ScaleCartesian(p, factors)) : p);
        }
        var symbols = species.SelectMany((s, i) => Enumerable.Repeat(s, counts[i]));
        return new TitledStructure(new Structure(lattice, symbols, positions), title);
    }

    private static double[] ReadScale(TextSource source)
    {
        var f = source.NextFields("the scale factor", 1);
        if (f.Length >= 3 && TextSource.TryNumber(f[1], out _) && TextSource.TryNumber(f[2], out _))
        {
            double[] factors = [.. f.Take(3).Select(t => source.Number(t, "a scale factor"))];
            if (factors.Any(x => x <= 0)) throw source.Error("three scale factors must all be positive");
            return factors;
        }
        var scale = source.Number(f[0], "the scale factor");
        if (scale == 0) throw source.Error("scale factor is zero");
        return [scale];
    }

    /// <summary>Per-axis cartesian factors: the given ones, or the single factor that a negative target volume implies.</summary>
    private static double[] CartesianFactors(TextSource source, Vec3[] rows, double[] scale)
    {
        if (scale.Length == 3) return scale;
        var factor = scale[0];
        if (factor < 0)
        {
            var rawVolume = Math.Abs(rows[0].Dot(rows[1].Cross(rows[2])));
            if (!(rawVolume > 1e-12)) throw source.Error(3, "lattice vectors are degenerate");
            factor = Math.Cbrt(-factor / rawVolume);
        }
        return [factor, factor, factor];
    }

    private static Vec3 ScaleCartesian(Vec3 v, double[] factors) => new(v.X * factors[0], v.Y * factors[1], v.Z * factors[2]);

    private static string[] ReadSpecies(TextSource source)
    {
        var f = source.NextFields("the species line (VASP 5)", 1);
        if (int.TryParse(f[0], out _))
            throw source.Error("expected element symbols (VASP 5 species line), found atom counts; VASP 4 files are not supported");
        return [.. f.Select(token =>
        {
            // POTCAR labels such as Si_pv or Fe/c0a1 name the element before the separator.
            var symbol = token.Split('_', '/')[0];
            return ChemicalSymbols.IsElement(symbol) ? symbol : throw source.Error($"unknown element '{token}'");
        })];
    }

    private static int[] ReadCounts(TextSource source, int speciesCount)
    {
        var f = source.NextFields("atom counts", 1);
        if (f.Length != speciesCount)
            throw source.Error($"{f.Length} atom counts for {speciesCount} species");
        var counts = f.Select(t => source.Integer(t, "an atom count")).ToArray();
        if (counts.Any(c => c < 0)) throw source.Error("negative atom count");
        if (counts.All(c => c == 0)) throw source.Error("no atoms");
        return counts;
    }

    private static List<(string Symbol, int Count)> Runs(Structure structure)
    {
        var runs = new List<(string Symbol, int Count)>();
        foreach (var s in structure.Species)
            if (runs.Count > 0 && runs[^1].Symbol == s) runs[^1] = (s, runs[^1].Count + 1);
            else runs.Add((s, 1));
        return runs;
    }

    private static void AppendVector(StringBuilder text, Vec3 v) =>
        text.Append(CultureInfo.InvariantCulture, $"  {v.X,22:F16} {v.Y,22:F16} {v.Z,22:F16}\n");
}
