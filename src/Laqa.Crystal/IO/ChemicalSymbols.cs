namespace Laqa.Crystal.IO;

/// <summary>Element symbols in structure files, checked against the element table.</summary>
internal static class ChemicalSymbols
{
    public static bool IsElement(string symbol) => Elements.TryGet(symbol, out _);

    /// <summary>
    /// The element a CIF label or type symbol names: its leading letters with element case,
    /// the two-letter element when there is one ("Si1" → Si, "O2-" → O, "CA1" → Ca); null if none.
    /// </summary>
    public static string? ElementOfLabel(string label)
    {
        var letters = new string([.. label.TakeWhile(char.IsAsciiLetter).Take(2)]);
        if (letters.Length == 0) return null;
        var first = char.ToUpperInvariant(letters[0]).ToString();
        if (letters.Length == 2)
        {
            var two = first + char.ToLowerInvariant(letters[1]);
            if (IsElement(two)) return two;
        }
        return IsElement(first) ? first : null;
    }
}
