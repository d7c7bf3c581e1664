using System.Collections.Immutable;
using System.Globalization;

namespace Laqa.Crystal;

/// <summary>
/// The atoms of one cell as an ordered list of (element symbol, count); the order is the
/// species order used everywhere else (species index 0 is the first element written).
/// </summary>
public sealed class Composition : IEquatable<Composition>
{
    /// <summary>
    /// The most atoms a parsed composition may hold: random symmetric generation and the embedded
    /// potentials are meant for cells of up to some hundreds of atoms.
    /// </summary>
    public const int MaxAtoms = 500;

    public Composition(IEnumerable<(string Symbol, int Count)> species)
    {
        Species = [.. species];
        if (Species.IsEmpty) throw new LaqaInputException("composition is empty");
        var seen = new HashSet<string>();
        foreach (var (symbol, count) in Species)
        {
            Elements.Get(symbol);
            if (!seen.Add(symbol))
                throw new LaqaInputException($"composition lists element '{symbol}' twice; give each element once");
            if (count <= 0)
                throw new LaqaInputException($"composition has count {count} for {symbol}; counts must be positive");
        }
    }

    public ImmutableArray<(string Symbol, int Count)> Species { get; }

    public IEnumerable<string> Symbols => Species.Select(s => s.Symbol);

    public int TotalAtoms => Species.Sum(s => s.Count);

    /// <summary>Greatest common divisor of the counts: the number of formula units (Li12P4S16 → 4).</summary>
    public int FormulaUnits => Species.Aggregate(0, (g, s) => Gcd(g, s.Count));

    /// <summary>Index of the element in the species order, or -1.</summary>
    public int IndexOf(string symbol)
    {
        for (var i = 0; i < Species.Length; i++)
            if (Species[i].Symbol == symbol) return i;
        return -1;
    }

    /// <summary>One symbol per atom, species by species (Na2Cl2 → Na, Na, Cl, Cl).</summary>
    public IEnumerable<string> AtomSymbols() => Species.SelectMany(s => Enumerable.Repeat(s.Symbol, s.Count));

    /// <summary>The composition of one formula unit (Li12P4S16 → Li3P1S4).</summary>
    public Composition Reduced()
    {
        var units = FormulaUnits;
        return new Composition(Species.Select(s => (s.Symbol, s.Count / units)));
    }

    /// <summary>Every count written out (Si16, Na8Cl8), as Structure.Formula().</summary>
    public string Formula() => string.Concat(Species.Select(s => $"{s.Symbol}{s.Count}"));

    /// <summary>One formula unit with counts of 1 omitted (Li12P4S16 → Li3PS4), as Structure.ReducedFormula().</summary>
    public string ReducedFormula() =>
        string.Concat(Reduced().Species.Select(s => s.Count == 1 ? s.Symbol : $"{s.Symbol}{s.Count}"));

    /// <summary>
    /// Parses a formula such as "Li12P4S16", "NaCl" or "Na8 Cl8": element symbols (case-sensitive),
    /// each followed by an optional positive integer count (1 when absent); whitespace may separate
    /// elements. No parentheses, hydrates or fractional counts; an element may appear only once,
    /// because its position fixes the species order; at most MaxAtoms atoms in all.
    /// </summary>
    public static Composition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        LaqaInputException Fail(string problem) => new($"composition '{text}': {problem}");
        if (string.IsNullOrWhiteSpace(text)) throw new LaqaInputException("composition is empty");

        var species = new List<(string Symbol, int Count)>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var start = i;
            if (char.IsAsciiLetterLower(text[i]))
            {
                while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
                throw Fail($"'{text[start..i]}' must start with an uppercase letter (element symbols are written like Si, Cl)");
            }
            if (char.IsAsciiDigit(text[i]) || text[i] == '-')
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !char.IsAsciiLetterUpper(text[i])) i++;
                throw Fail($"count '{text[start..i]}' does not follow an element symbol");
            }
            if (!char.IsAsciiLetterUpper(text[i]))
                throw Fail($"unexpected '{text[i]}' at position {i + 1}");

            i++;
            while (i < text.Length && char.IsAsciiLetterLower(text[i])) i++;
            var symbol = text[start..i];
            if (!Elements.TryGet(symbol, out _)) throw Fail($"unknown element '{symbol}'");
            if (species.Any(s => s.Symbol == symbol)) throw Fail($"element '{symbol}' appears twice; give each element once");

            var countStart = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '-' or '.')) i++;
            species.Add((symbol, ParseCount(text[countStart..i], symbol, Fail)));
        }
        var atoms = species.Sum(s => (long)s.Count);
        if (atoms > MaxAtoms) throw Fail($"{atoms} atoms in the cell; at most {MaxAtoms} atoms per cell");
        return new Composition(species);
    }

    public bool Equals(Composition? other) => other is not null && Species.SequenceEqual(other.Species);
    public override bool Equals(object? obj) => Equals(obj as Composition);
    public override int GetHashCode() => Species.Aggregate(0, (h, s) => HashCode.Combine(h, s.Symbol, s.Count));
    public override string ToString() => Formula();

    private static int ParseCount(string token, string symbol, Func<string, LaqaInputException> fail)
    {
        if (token.Length == 0) return 1;
        if (token.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                throw fail($"count '{token}' of {symbol} is too large");
            return count > 0 ? count : throw fail($"count '{token}' of {symbol} is zero; counts must be positive");
        }
        if (token.StartsWith('-') && token.Length > 1 && token[1..].All(char.IsAsciiDigit))
            throw fail($"count '{token}' of {symbol} is negative; counts must be positive");
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw fail($"count '{token}' of {symbol} is not a whole number");
        throw fail($"count '{token}' of {symbol} is malformed");
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
