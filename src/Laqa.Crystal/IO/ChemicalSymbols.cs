using System.Collections.Frozen;

namespace Laqa.Crystal.IO;

/// <summary>The 118 element symbols, for validating species read from structure files.</summary>
internal static class ChemicalSymbols
{
    private static readonly FrozenSet<string> Symbols = FrozenSet.Create(StringComparer.Ordinal,
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
        "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
        "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
        "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og");

    public static bool IsElement(string symbol) => Symbols.Contains(symbol);

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
