using System.Collections.Immutable;

namespace Laqa.Crystal;

/// <summary>
/// An immutable periodic structure: a lattice, and for each atom its species symbol and its
/// fractional coordinates wrapped into [0, 1).
/// </summary>
public sealed class Structure
{
    public Structure(Lattice lattice, IEnumerable<string> species, IEnumerable<Vec3> fractional)
    {
        Lattice = lattice;
        Species = [.. species];
        Fractional = [.. fractional.Select(f => f.Wrapped())];
        if (Species.Length != Fractional.Length)
            throw new ArgumentException($"{Species.Length} species but {Fractional.Length} positions");
        foreach (var f in Fractional)
            if (!double.IsFinite(f.X) || !double.IsFinite(f.Y) || !double.IsFinite(f.Z))
                throw new LaqaInputException($"structure has a non-finite coordinate {f}");
    }

    public Lattice Lattice { get; }
    public ImmutableArray<string> Species { get; }
    public ImmutableArray<Vec3> Fractional { get; }
    public int Count => Species.Length;

    public Vec3 CartesianOf(int i) => Lattice.ToCartesian(Fractional[i]);

    /// <summary>Cartesian positions in Å.</summary>
    public Vec3[] Cartesian()
    {
        var r = new Vec3[Count];
        for (var i = 0; i < r.Length; i++) r[i] = Lattice.ToCartesian(Fractional[i]);
        return r;
    }

    public static Structure FromCartesian(Lattice lattice, IEnumerable<string> species, IEnumerable<Vec3> cartesian) =>
        new(lattice, species, cartesian.Select(lattice.ToFractional));

    public Structure WithLattice(Lattice lattice) => new(lattice, Species, Fractional);
    public Structure WithFractional(IEnumerable<Vec3> fractional) => new(Lattice, Species, fractional);

    /// <summary>Atoms per species, in order of first appearance.</summary>
    public IReadOnlyList<(string Symbol, int Count)> Composition() =>
        Species.GroupBy(s => s).Select(g => (g.Key, g.Count())).ToList();

    /// <summary>Formula with counts divided by their greatest common divisor, species in order of first appearance (Si8 → Si, Al4O6 → Al2O3).</summary>
    public string ReducedFormula()
    {
        var comp = Composition();
        var gcd = comp.Aggregate(0, (g, c) => Gcd(g, c.Count));
        return string.Concat(comp.Select(c => c.Count / gcd == 1 ? c.Symbol : $"{c.Symbol}{c.Count / gcd}"));
    }

    /// <summary>Formula with the full counts in the cell (Si16, Na8Cl8).</summary>
    public string Formula() => string.Concat(Composition().Select(c => $"{c.Symbol}{c.Count}"));

    public override string ToString() => $"{Formula()} {Lattice}";

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
