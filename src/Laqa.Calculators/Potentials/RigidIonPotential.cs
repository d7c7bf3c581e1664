using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// A rigid-ion model: a fixed charge per species (units of e), a short-range pair term for every
/// pair of species (<see cref="ShortRangePair.None"/> for Coulomb only), a short-range cut-off
/// (Å; each pair term is shifted to zero there so the energy stays continuous), and the accuracy
/// (eV/atom) to which the Ewald sum for the Coulomb energy is converged.
/// </summary>
public sealed class RigidIonPotential
{
    private readonly Dictionary<string, double> _charges;
    private readonly Dictionary<(string, string), ShortRangePair> _pairs = [];
    private readonly Dictionary<(string, string), double> _collapseDistances = [];

    public RigidIonPotential(string name, string description, IReadOnlyDictionary<string, double> charges,
        IEnumerable<(string First, string Second, ShortRangePair Pair)> pairs,
        double shortRangeCutoff, double coulombAccuracy = DefaultCoulombAccuracy)
    {
        Name = name;
        Description = description;
        _charges = new Dictionary<string, double>(charges, StringComparer.Ordinal);
        foreach (var (symbol, q) in _charges)
            if (!double.IsFinite(q))
                throw new LaqaInputException($"potential '{name}': charge of {symbol} is not finite");
        foreach (var (first, second, pair) in pairs)
            if (!_pairs.TryAdd(Key(first, second), pair))
                throw new LaqaInputException($"potential '{name}': pair {first}-{second} is defined twice");
        if (!(shortRangeCutoff > 0) || !double.IsFinite(shortRangeCutoff))
            throw new LaqaInputException($"potential '{name}': short-range cut-off must be positive (got {shortRangeCutoff})");
        if (!(coulombAccuracy > 0) || !double.IsFinite(coulombAccuracy))
            throw new LaqaInputException($"potential '{name}': Coulomb accuracy must be positive (got {coulombAccuracy})");
        ShortRangeCutoff = shortRangeCutoff;
        CoulombAccuracy = coulombAccuracy;
        foreach (var ((first, second), pair) in _pairs)
        {
            var chargeProduct = _charges.GetValueOrDefault(first) * _charges.GetValueOrDefault(second);
            _collapseDistances[(first, second)] = CoulombCollapse.BarrierDistance(pair, chargeProduct, shortRangeCutoff);
        }
    }

    public const double DefaultCoulombAccuracy = 1e-6;

    public string Name { get; }
    public string Description { get; }
    public double ShortRangeCutoff { get; }

    /// <summary>Target error of the Ewald Coulomb energy, eV/atom.</summary>
    public double CoulombAccuracy { get; }

    public IReadOnlyDictionary<string, double> Charges => _charges;

    public RigidIonPotential WithCoulombAccuracy(double accuracy) =>
        new(Name, Description, _charges, _pairs.Select(p => (p.Key.Item1, p.Key.Item2, p.Value)), ShortRangeCutoff, accuracy);

    public bool TryGetCharge(string species, out double charge) => _charges.TryGetValue(species, out charge);

    /// <summary>The short-range term of a species pair, in either order.</summary>
    public bool TryGetPair(string first, string second, out ShortRangePair pair) => _pairs.TryGetValue(Key(first, second), out pair);

    /// <summary>Inside this distance (Å) the pair is past its Buckingham-catastrophe barrier (0: no collapse), see <see cref="CoulombCollapse"/>.</summary>
    public double CollapseDistance(string first, string second) => _collapseDistances.GetValueOrDefault(Key(first, second));

    /// <summary>What the potential lacks for these species (the first species without a charge or pair without a short-range term), or null.</summary>
    public string? MissingParameters(IReadOnlyCollection<string> species)
    {
        foreach (var a in species)
            if (!_charges.ContainsKey(a)) return $"no charge for species {a}";
        foreach (var a in species)
        foreach (var b in species)
            if (!_pairs.ContainsKey(Key(a, b))) return $"no short-range parameters for the pair {a}-{b}";
        return null;
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
