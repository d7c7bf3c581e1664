using System.Collections.Frozen;

namespace Laqa.Crystal;

/// <summary>
/// Element table H–Cm (Z 1–96). Masses are the IUPAC 2016 standard atomic weights (mass of the
/// longest-lived isotope for elements without a stable one); covalent radii are from
/// B. Cordero et al., Dalton Trans. 2832 (2008), C sp3, Mn/Fe/Co low spin; both as in ASE's ase.data.
/// </summary>
public static class Elements
{
    private static readonly Element[] ByNumber =
    [
        new("H", 1, 1.008, 0.31), new("He", 2, 4.002602, 0.28), new("Li", 3, 6.94, 1.28),
        new("Be", 4, 9.0121831, 0.96), new("B", 5, 10.81, 0.84), new("C", 6, 12.011, 0.76), new("N", 7, 14.007, 0.71),
        new("O", 8, 15.999, 0.66), new("F", 9, 18.998403163, 0.57), new("Ne", 10, 20.1797, 0.58),
        new("Na", 11, 22.98976928, 1.66), new("Mg", 12, 24.305, 1.41), new("Al", 13, 26.9815385, 1.21),
        new("Si", 14, 28.085, 1.11), new("P", 15, 30.973761998, 1.07), new("S", 16, 32.06, 1.05),
        new("Cl", 17, 35.45, 1.02), new("Ar", 18, 39.948, 1.06), new("K", 19, 39.0983, 2.03),
        new("Ca", 20, 40.078, 1.76), new("Sc", 21, 44.955908, 1.7), new("Ti", 22, 47.867, 1.6),
        new("V", 23, 50.9415, 1.53), new("Cr", 24, 51.9961, 1.39), new("Mn", 25, 54.938044, 1.39),
        new("Fe", 26, 55.845, 1.32), new("Co", 27, 58.933194, 1.26), new("Ni", 28, 58.6934, 1.24),
        new("Cu", 29, 63.546, 1.32), new("Zn", 30, 65.38, 1.22), new("Ga", 31, 69.723, 1.22),
        new("Ge", 32, 72.63, 1.2), new("As", 33, 74.921595, 1.19), new("Se", 34, 78.971, 1.2),
        new("Br", 35, 79.904, 1.2), new("Kr", 36, 83.798, 1.16), new("Rb", 37, 85.4678, 2.2),
        new("Sr", 38, 87.62, 1.95), new("Y", 39, 88.90584, 1.9), new("Zr", 40, 91.224, 1.75),
        new("Nb", 41, 92.90637, 1.64), new("Mo", 42, 95.95, 1.54), new("Tc", 43, 97.90721, 1.47),
        new("Ru", 44, 101.07, 1.46), new("Rh", 45, 102.9055, 1.42), new("Pd", 46, 106.42, 1.39),
        new("Ag", 47, 107.8682, 1.45), new("Cd", 48, 112.414, 1.44), new("In", 49, 114.818, 1.42),
        new("Sn", 50, 118.71, 1.39), new("Sb", 51, 121.76, 1.39), new("Te", 52, 127.6, 1.38),
        new("I", 53, 126.90447, 1.39), new("Xe", 54, 131.293, 1.4), new("Cs", 55, 132.90545196, 2.44),
        new("Ba", 56, 137.327, 2.15), new("La", 57, 138.90547, 2.07), new("Ce", 58, 140.116, 2.04),
        new("Pr", 59, 140.90766, 2.03), new("Nd", 60, 144.242, 2.01), new("Pm", 61, 144.91276, 1.99),
        new("Sm", 62, 150.36, 1.98), new("Eu", 63, 151.964, 1.98), new("Gd", 64, 157.25, 1.96),
        new("Tb", 65, 158.92535, 1.94), new("Dy", 66, 162.5, 1.92), new("Ho", 67, 164.93033, 1.92),
        new("Er", 68, 167.259, 1.89), new("Tm", 69, 168.93422, 1.9), new("Yb", 70, 173.054, 1.87),
        new("Lu", 71, 174.9668, 1.87), new("Hf", 72, 178.49, 1.75), new("Ta", 73, 180.94788, 1.7),
        new("W", 74, 183.84, 1.62), new("Re", 75, 186.207, 1.51), new("Os", 76, 190.23, 1.44),
        new("Ir", 77, 192.217, 1.41), new("Pt", 78, 195.084, 1.36), new("Au", 79, 196.966569, 1.36),
        new("Hg", 80, 200.592, 1.32), new("Tl", 81, 204.38, 1.45), new("Pb", 82, 207.2, 1.46),
        new("Bi", 83, 208.9804, 1.48), new("Po", 84, 208.98243, 1.4), new("At", 85, 209.98715, 1.5),
        new("Rn", 86, 222.01758, 1.5), new("Fr", 87, 223.01974, 2.6), new("Ra", 88, 226.02541, 2.21),
        new("Ac", 89, 227.02775, 2.15), new("Th", 90, 232.0377, 2.06), new("Pa", 91, 231.03588, 2.0),
        new("U", 92, 238.02891, 1.96), new("Np", 93, 237.04817, 1.9), new("Pu", 94, 244.06421, 1.87),
        new("Am", 95, 243.06138, 1.8), new("Cm", 96, 247.07035, 1.69),
    ];

    private static readonly FrozenDictionary<string, Element> BySymbol = ByNumber.ToFrozenDictionary(e => e.Symbol);

    /// <summary>All elements in order of atomic number.</summary>
    public static IReadOnlyList<Element> All => ByNumber;

    /// <summary>The element with this symbol (case-sensitive: "Si", not "si" or "SI").</summary>
    public static Element Get(string symbol)
    {
        if (BySymbol.TryGetValue(symbol, out var element)) return element;
        var hint = All.FirstOrDefault(e => string.Equals(e.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
        throw new LaqaInputException(hint is null
            ? $"unknown element '{symbol}'"
            : $"unknown element '{symbol}' (element symbols are case-sensitive: did you mean '{hint.Symbol}'?)");
    }

    public static bool TryGet(string symbol, out Element element) => BySymbol.TryGetValue(symbol, out element!);

    /// <summary>The element with atomic number z (1–96).</summary>
    public static Element Get(int z) =>
        z >= 1 && z <= ByNumber.Length
            ? ByNumber[z - 1]
            : throw new LaqaInputException($"unknown element with atomic number {z} (the table covers 1–{ByNumber.Length})");
}
