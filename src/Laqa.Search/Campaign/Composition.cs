using System.Text.RegularExpressions;
using Laqa.Crystal;

namespace Laqa.Search.Campaign;

public sealed record ElementCount(string Symbol, int Count);

/// <summary>Atoms per element in the cell to search, in the order written (Na8Cl8 → Na 8, Cl 8).</summary>
public sealed partial record Composition(EquatableList<ElementCount> Elements)
{
    public int AtomCount => Elements.Sum(e => e.Count);

    public IEnumerable<string> Symbols => Elements.Select(e => e.Symbol);

    /// <summary>Parses a formula with explicit or implied counts: "Si16", "Na8Cl8", "Al4O6", "SiO2".</summary>
    public static Composition Parse(string formula)
    {
        var text = formula.Trim();
        if (!FormulaPattern().IsMatch(text))
            throw new LaqaInputException($"cannot read composition \"{formula}\": expected element symbols with counts, e.g. Na8Cl8");
        var elements = new List<ElementCount>();
        foreach (Match m in ElementPattern().Matches(text))
        {
            var symbol = m.Groups[1].Value;
            var count = m.Groups[2].Length == 0 ? 1 : int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (count == 0) throw new LaqaInputException($"composition \"{formula}\": {symbol} has count 0");
            if (elements.Any(e => e.Symbol == symbol))
                throw new LaqaInputException($"composition \"{formula}\": {symbol} appears twice");
            elements.Add(new ElementCount(symbol, count));
        }
        return new Composition(new EquatableList<ElementCount>(elements));
    }

    public override string ToString() => string.Concat(Elements.Select(e => $"{e.Symbol}{e.Count}"));

    [GeneratedRegex(@"^([A-Z][a-z]?\d{0,6})+$")]
    private static partial Regex FormulaPattern();

    [GeneratedRegex(@"([A-Z][a-z]?)(\d*)")]
    private static partial Regex ElementPattern();
}
