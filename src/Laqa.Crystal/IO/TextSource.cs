using System.Globalization;

namespace Laqa.Crystal.IO;

/// <summary>
/// The lines of a text file being parsed, with errors that name the file and the 1-based line.
/// </summary>
internal sealed class TextSource
{
    private static readonly char[] Blanks = [' ', '\t'];
    private readonly string[] _lines;
    private int _next;

    public TextSource(string text, string name)
    {
        _lines = text.ReplaceLineEndings("\n").Split('\n');
        if (_lines.Length > 0 && _lines[^1].Length == 0) _lines = _lines[..^1];
        Name = name;
    }

    public static TextSource FromFile(string path)
    {
        if (!File.Exists(path)) throw new LaqaInputException($"{path}: file not found");
        return new TextSource(File.ReadAllText(path), path);
    }

    public string Name { get; }
    /// <summary>1-based number of the line last returned by <see cref="Next"/>.</summary>
    public int LineNumber => _next;
    public bool AtEnd => _next >= _lines.Length;

    /// <summary>Lines not yet returned: an atom count larger than this is refused before anything is allocated for it.</summary>
    public int RemainingLines => _lines.Length - _next;

    /// <summary>The next line; a file that ends first is an error naming <paramref name="expected"/>.</summary>
    public string Next(string expected)
    {
        if (AtEnd) throw Error(_next + 1, $"file ends here, expected {expected}");
        return _lines[_next++];
    }

    /// <summary>The next line split on blanks, which must hold at least <paramref name="minimum"/> fields.</summary>
    public string[] NextFields(string expected, int minimum)
    {
        var fields = Split(Next(expected));
        if (fields.Length < minimum)
            throw Error($"expected {expected} ({minimum} fields), found {fields.Length}");
        return fields;
    }

    public static string[] Split(string line) => line.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);

    public LaqaInputException Error(string problem) => Error(_next, problem);

    public LaqaInputException Error(int line, string problem) => new($"{Name}, line {line}: {problem}");

    public double Number(string token, string what) => Number(token, what, _next);

    public double Number(string token, string what, int line) =>
        TryNumber(token, out var value) ? value : throw Error(line, $"bad number '{token}' for {what}");

    public int Integer(string token, string what) =>
        int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"bad integer '{token}' for {what}");

    public static bool TryNumber(string token, out double value) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
