using System.Globalization;
using System.Text;

namespace Laqa.Crystal.IO;

/// <summary>
/// Extended XYZ as ASE writes it: atom count, a comment line with Lattice="…",
/// Properties=species:S:1:pos:R:3[:forces:R:3…], energy=, stress="9 values", pbc="T T T" and further
/// key=value pairs, then one line per atom. Reading accepts several frames and skips unknown columns.
/// </summary>
public static class ExtendedXyzFormat
{
    public static IReadOnlyList<ExtendedXyzFrame> Read(string path) => Parse(TextSource.FromFile(path));

    /// <summary>Parses extended XYZ text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static IReadOnlyList<ExtendedXyzFrame> Parse(string text, string sourceName) => Parse(new TextSource(text, sourceName));

    /// <summary>Writes all frames (atomically).</summary>
    public static void Write(string path, IEnumerable<ExtendedXyzFrame> frames) => AtomicFile.WriteAllText(path, Format(frames));

    public static void Write(string path, ExtendedXyzFrame frame) => Write(path, [frame]);

    public static string Format(IEnumerable<ExtendedXyzFrame> frames)
    {
        var text = new StringBuilder();
        foreach (var frame in frames) AppendFrame(text, frame);
        return text.ToString();
    }

    private static void AppendFrame(StringBuilder text, ExtendedXyzFrame frame)
    {
        var s = frame.Structure;
        if (frame.Forces is { } f && f.Length != 3 * s.Count)
            throw new ArgumentException($"{f.Length} force components for {s.Count} atoms");
        if (frame.Stress is { Length: not 9 })
            throw new ArgumentException($"stress has {frame.Stress.Length} components, not 9");

        text.Append(s.Count).Append('\n');
        var m = s.Lattice.Matrix;
        var pairs = new List<string>
        {
            $"Lattice=\"{Numbers(m.Cast<double>())}\"",
            "Properties=species:S:1:pos:R:3" + (frame.Forces is null ? "" : ":forces:R:3"),
        };
        if (frame.Energy is { } energy) pairs.Add($"energy={energy.ToString("R", CultureInfo.InvariantCulture)}");
        if (frame.Stress is { } stress) pairs.Add($"stress=\"{Numbers(stress)}\"");
        pairs.AddRange(frame.Info.Select(p => ExtendedXyzComment.Pair(p.Key, p.Value)));
        pairs.Add("pbc=\"T T T\"");
        text.Append(string.Join(' ', pairs)).Append('\n');

        for (var i = 0; i < s.Count; i++)
        {
            var r = s.CartesianOf(i);
            text.Append(CultureInfo.InvariantCulture, $"{s.Species[i],-3} {r.X,24:F16} {r.Y,24:F16} {r.Z,24:F16}");
            if (frame.Forces is { } forces)
                text.Append(CultureInfo.InvariantCulture, $" {forces[3 * i],24:F16} {forces[3 * i + 1],24:F16} {forces[3 * i + 2],24:F16}");
            text.Append('\n');
        }
    }

    private static string Numbers(IEnumerable<double> values) =>
        string.Join(' ', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private sealed record Column(string Name, char Type, int Width, int Offset);

    private static List<ExtendedXyzFrame> Parse(TextSource source)
    {
        var frames = new List<ExtendedXyzFrame>();
        while (!source.AtEnd)
        {
            var countLine = source.Next("an atom count").Trim();
            if (countLine.Length == 0)
            {
                if (frames.Count > 0) continue;
                throw source.Error("expected an atom count, found an empty line");
            }
            if (!int.TryParse(countLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1)
                throw source.Error($"expected a positive atom count, found '{countLine}'");
            frames.Add(ReadFrame(source, count));
        }
        if (frames.Count == 0) throw source.Error(1, "file holds no frames");
        return frames;
    }

    private static ExtendedXyzFrame ReadFrame(TextSource source, int count)
    {
        var pairs = ExtendedXyzComment.TryParse(source.Next("the comment line with Lattice and Properties"), out var problem)
            ?? throw source.Error(problem);
        var commentLine = source.LineNumber;
        string? Take(string key)
        {
            var index = pairs.FindIndex(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (index < 0) return null;
            var value = pairs[index].Value;
            pairs.RemoveAt(index);
            return value;
        }
        double[] Vector(string key, string value, params int[] lengths)
        {
            var fields = TextSource.Split(value);
            if (!lengths.Contains(fields.Length))
                throw source.Error(commentLine, $"{key} has {fields.Length} numbers, expected {string.Join(" or ", lengths)}");
            return [.. fields.Select(t => source.Number(t, key, commentLine))];
        }

        var latticeText = Take("Lattice") ?? throw source.Error(commentLine, "no Lattice=\"…\" (non-periodic structures are not supported)");
        var cell = Vector("Lattice", latticeText, 9);
        Lattice lattice;
        try
        {
            lattice = new Lattice(new Vec3(cell[0], cell[1], cell[2]), new Vec3(cell[3], cell[4], cell[5]), new Vec3(cell[6], cell[7], cell[8]));
        }
        catch (LaqaInputException e)
        {
            throw source.Error(commentLine, e.Message);
        }
        var columns = ReadProperties(source, commentLine, Take("Properties") ?? "species:S:1:pos:R:3");
        var energyText = Take("energy");
        var energy = energyText is null ? (double?)null : source.Number(energyText, "energy", commentLine);
        var stressText = Take("stress");
        var stress = stressText is null ? null : FullStress(Vector("stress", stressText, 9, 6));
        Take("pbc");

        var species = columns.Find(c => c.Name == "species");
        var position = columns.Find(c => c.Name == "pos");
        var force = columns.Find(c => c.Name == "forces");
        if (species is not { Type: 'S', Width: 1 }) throw source.Error(commentLine, "Properties has no species:S:1 column");
        if (position is not { Type: 'R', Width: 3 }) throw source.Error(commentLine, "Properties has no pos:R:3 column");
        if (force is not null and not { Type: 'R', Width: 3 }) throw source.Error(commentLine, "forces must be a R:3 column");
        var width = columns.Sum(c => c.Width);

        // Sized by the lines present, not the count announced: a count of 2000000000 ends at the file's end, not out of memory.
        var capacity = Math.Min(count, source.RemainingLines);
        var symbols = new string[capacity];
        var cartesian = new Vec3[capacity];
        var forces = force is null ? null : new double[3 * capacity];
        for (var i = 0; i < count; i++)
        {
            var fields = TextSource.Split(source.Next($"atom {i + 1} of {count}"));
            if (fields.Length != width)
                throw source.Error($"expected {width} columns ({string.Join(' ', columns.Select(c => c.Name))}), found {fields.Length}");
            var symbol = fields[species.Offset];
            symbols[i] = ChemicalSymbols.IsElement(symbol) ? symbol : throw source.Error($"unknown element '{symbol}'");
            cartesian[i] = new Vec3(source.Number(fields[position.Offset], "a position"), source.Number(fields[position.Offset + 1], "a position"),
                source.Number(fields[position.Offset + 2], "a position"));
            if (forces is not null)
                for (var d = 0; d < 3; d++) forces[3 * i + d] = source.Number(fields[force!.Offset + d], "a force");
        }
        return new ExtendedXyzFrame(Structure.FromCartesian(lattice, symbols, cartesian))
        {
            Energy = energy, Forces = forces, Stress = stress, Info = [.. pairs],
        };
    }

    private static List<Column> ReadProperties(TextSource source, int line, string text)
    {
        var parts = text.Split(':');
        if (parts.Length % 3 != 0) throw source.Error(line, $"Properties '{text}' is not a list of name:type:columns");
        var columns = new List<Column>();
        var offset = 0;
        for (var k = 0; k < parts.Length; k += 3)
        {
            if (parts[k + 1] is not ("S" or "R" or "I" or "L") || !int.TryParse(parts[k + 2], out var width) || width < 1)
                throw source.Error(line, $"Properties entry '{parts[k]}:{parts[k + 1]}:{parts[k + 2]}' is not name:S|R|I|L:columns");
            columns.Add(new Column(parts[k], parts[k + 1][0], width, offset));
            offset += width;
        }
        return columns;
    }

    /// <summary>A 3×3 row-major stress from 9 values, or from Voigt order xx yy zz yz xz xy.</summary>
    private static double[] FullStress(double[] s) => s.Length == 9 ? s : [s[0], s[5], s[4], s[5], s[1], s[3], s[4], s[3], s[2]];
}
