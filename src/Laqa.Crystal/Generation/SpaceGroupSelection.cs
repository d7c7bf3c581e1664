using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Laqa.Crystal.Generation;

/// <summary>The space groups (numbers 1–230) a random generator may draw from.</summary>
public sealed partial class SpaceGroupSelection
{
    public const int Count = 230;

    private readonly bool[] _selected;

    private SpaceGroupSelection(bool[] selected)
    {
        _selected = selected;
        Numbers = [.. Enumerable.Range(1, Count).Where(n => selected[n - 1])];
    }

    public static SpaceGroupSelection All { get; } = new(Enumerable.Repeat(true, Count).ToArray());

    /// <summary>Selected numbers, ascending, without repeats.</summary>
    public ImmutableArray<int> Numbers { get; }

    public bool Contains(int number) => number is >= 1 and <= Count && _selected[number - 1];

    /// <summary>
    /// Parses "all", or numbers and inclusive ranges separated by spaces and/or commas
    /// ("3 15-18, 100"); "P1" stands for 1. Repeats and overlaps are allowed and merged;
    /// "all" must stand alone.
    /// </summary>
    public static SpaceGroupSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Separator().Split(RangeDash().Replace(text.Trim(), "-")).Where(t => t.Length > 0).ToArray();
        if (tokens.Length == 0) throw new LaqaInputException("space groups: the selection is empty (give 'all', numbers or ranges like 15-18)");
        if (tokens.Any(t => t.Equals("all", StringComparison.OrdinalIgnoreCase)))
            return tokens.Length == 1 ? All : throw new LaqaInputException($"space groups '{text}': 'all' cannot be combined with other entries");

        var selected = new bool[Count];
        foreach (var token in tokens)
        {
            var (first, last) = ParseToken(token);
            for (var n = first; n <= last; n++) selected[n - 1] = true;
        }
        return new SpaceGroupSelection(selected);
    }

    /// <summary>Compact form that parses back to the same selection ("all", or "3 15-18 100").</summary>
    public override string ToString()
    {
        if (Numbers.Length == Count) return "all";
        var parts = new List<string>();
        for (var i = 0; i < Numbers.Length;)
        {
            var j = i;
            while (j + 1 < Numbers.Length && Numbers[j + 1] == Numbers[j] + 1) j++;
            parts.Add(i == j ? $"{Numbers[i]}" : $"{Numbers[i]}-{Numbers[j]}");
            i = j + 1;
        }
        return string.Join(' ', parts);
    }

    private static (int First, int Last) ParseToken(string token)
    {
        if (token.Equals("P1", StringComparison.OrdinalIgnoreCase)) return (1, 1);
        var dash = token.IndexOf('-');
        if (dash < 0) { var n = ParseNumber(token, token); return (n, n); }
        if (dash == 0 || dash == token.Length - 1 || token.IndexOf('-', dash + 1) >= 0)
            throw new LaqaInputException($"space groups: malformed range '{token}' (write it as first-last, e.g. 15-18)");
        int first = ParseNumber(token[..dash], token), last = ParseNumber(token[(dash + 1)..], token);
        return first <= last ? (first, last) : throw new LaqaInputException($"space groups: range '{token}' runs backwards");
    }

    private static int ParseNumber(string text, string token)
    {
        if (!text.All(char.IsAsciiDigit) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new LaqaInputException($"space groups: '{token}' is not a number, a range like 15-18, 'P1' or 'all'");
        return n is >= 1 and <= Count ? n : throw new LaqaInputException($"space groups: {n} in '{token}' is outside 1–230");
    }

    [GeneratedRegex(@"\s*-\s*")]
    private static partial Regex RangeDash();

    [GeneratedRegex(@"[\s,]+")]
    private static partial Regex Separator();
}
