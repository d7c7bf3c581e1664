using System.Collections.Immutable;
using System.Globalization;

namespace Laqa.Crystal.Generation;

/// <summary>
/// Shortest allowed distance (Å) between two atoms of a random candidate, per pair of species,
/// looked up by species index (the order of the composition) in the generator's hot loop.
/// </summary>
public sealed class MinimumDistances
{
    /// <summary>
    /// Default fraction of r_cov(a) + r_cov(b). Shortest bonds in real solids run from 0.85 to 1.3
    /// times that sum (Zr–O in baddeleyite 0.85, Ti–O in rutile 0.86, Si–O in quartz 0.91, Cu 0.97,
    /// Na–Cl 1.05), so 0.7 leaves a margin below every realistic arrangement while still excluding
    /// the overlaps that make energies and forces blow up at the first relaxation step.
    /// </summary>
    public const double DefaultFactor = 0.7;

    private readonly double[] _distance;
    private readonly double[] _squared;

    private MinimumDistances(ImmutableArray<string> species, double[] distance)
    {
        Species = species;
        _distance = distance;
        _squared = [.. distance.Select(d => d * d)];
        Largest = distance.Max();
    }

    /// <summary>Species in index order.</summary>
    public ImmutableArray<string> Species { get; }

    /// <summary>The largest minimum distance over all pairs (a bound for neighbour searches).</summary>
    public double Largest { get; }

    public double Get(int speciesA, int speciesB) => _distance[speciesA * Species.Length + speciesB];

    /// <summary>The squared minimum distance, to compare with squared separations without a square root.</summary>
    public double GetSquared(int speciesA, int speciesB) => _squared[speciesA * Species.Length + speciesB];

    public double Get(string symbolA, string symbolB) => Get(IndexOf(symbolA), IndexOf(symbolB));

    /// <summary>
    /// Defaults of factor · (r_cov(a) + r_cov(b)) for every pair of the given species, then the
    /// overrides, keyed "A-B" (symmetric: "Si-O" also sets O–Si) with a distance in Å; zero means no limit.
    /// </summary>
    public static MinimumDistances FromCovalentRadii(IReadOnlyList<string> species, double factor = DefaultFactor,
        IEnumerable<KeyValuePair<string, double>>? overrides = null)
    {
        if (species.Count == 0) throw new LaqaInputException("minimum distances: no species given");
        if (species.Distinct().Count() != species.Count)
            throw new LaqaInputException($"minimum distances: species ({string.Join(", ", species)}) contain a repeat");
        if (!(double.IsFinite(factor) && factor >= 0))
            throw new LaqaInputException($"minimum-distance factor must be a finite non-negative number (got {Format(factor)})");
        var radii = species.Select(s => Elements.Get(s).CovalentRadius).ToArray();
        var n = species.Count;
        var distance = new double[n * n];
        for (var a = 0; a < n; a++)
        for (var b = 0; b < n; b++)
            distance[a * n + b] = factor * (radii[a] + radii[b]);

        var given = new Dictionary<(int, int), string>();
        foreach (var (pair, value) in overrides ?? [])
        {
            var (a, b) = ParsePair(pair, species);
            if (!given.TryAdd((Math.Min(a, b), Math.Max(a, b)), pair))
                throw new LaqaInputException($"minimum distance pair '{pair}' is given twice (also as '{given[(Math.Min(a, b), Math.Max(a, b))]}')");
            if (!(double.IsFinite(value) && value >= 0))
                throw new LaqaInputException($"minimum distance for pair '{pair}' must be a finite non-negative number of Å (got {Format(value)})");
            distance[a * n + b] = distance[b * n + a] = value;
        }
        return new MinimumDistances([.. species], distance);
    }

    private static (int A, int B) ParsePair(string pair, IReadOnlyList<string> species)
    {
        var parts = pair.Split('-');
        if (parts.Length != 2 || parts.Any(p => p.Trim().Length == 0))
            throw new LaqaInputException($"minimum distance pair '{pair}' must be two element symbols joined by '-', e.g. Si-O");
        int Index(string symbol)
        {
            for (var i = 0; i < species.Count; i++)
                if (species[i] == symbol) return i;
            throw new LaqaInputException($"minimum distance pair '{pair}': {symbol} is not in the composition ({string.Join(", ", species)})");
        }
        return (Index(parts[0].Trim()), Index(parts[1].Trim()));
    }

    private int IndexOf(string symbol)
    {
        var i = Species.IndexOf(symbol);
        return i >= 0 ? i : throw new ArgumentException($"{symbol} is not one of the species ({string.Join(", ", Species)})", nameof(symbol));
    }

    private static string Format(double x) => x.ToString("G", CultureInfo.InvariantCulture);
}
