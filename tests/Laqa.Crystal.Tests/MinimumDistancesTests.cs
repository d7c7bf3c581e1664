using Laqa.Crystal.Generation;

namespace Laqa.Crystal.Tests;

public class MinimumDistancesTests
{
    [Fact]
    public void DefaultsAreTheFactorTimesTheSumOfAseCovalentRadii()
    {
        string[] species = ["Li", "P", "S", "H", "Cs"];
        var radii = PythonReference.Run("""
            import json, sys
            from ase.data import covalent_radii, atomic_numbers
            print(json.dumps([float(covalent_radii[atomic_numbers[s]]) for s in json.load(sys.stdin)]))
            """, species).Doubles();
        foreach (var factor in new[] { MinimumDistances.DefaultFactor, 1.0, 0.0 })
        {
            var d = MinimumDistances.FromCovalentRadii(species, factor);
            for (var a = 0; a < species.Length; a++)
            for (var b = 0; b < species.Length; b++)
            {
                Assert.Equal(factor * (radii[a] + radii[b]), d.Get(a, b), 1e-12);
                Assert.Equal(d.Get(a, b) * d.Get(a, b), d.GetSquared(a, b), 1e-12);
                Assert.Equal(d.Get(a, b), d.Get(species[a], species[b]));
            }
            Assert.Equal(factor * 2 * radii[4], d.Largest, 1e-12);
        }
    }

    [Fact]
    public void OverridesSetBothOrdersOfAPairAndNothingElse()
    {
        string[] species = ["Si", "O", "Na"];
        var defaults = MinimumDistances.FromCovalentRadii(species);
        var d = MinimumDistances.FromCovalentRadii(species, overrides:
            [new("Si-Si", 2.0), new("O - Si", 1.4), new("Na-Na", 0.0)]);
        Assert.Equal(2.0, d.Get(0, 0));
        Assert.Equal(1.4, d.Get(0, 1));
        Assert.Equal(1.4, d.Get(1, 0));
        Assert.Equal(0.0, d.Get(2, 2));
        foreach (var (a, b) in new[] { (1, 1), (0, 2), (2, 0), (1, 2), (2, 1) })
            Assert.Equal(defaults.Get(a, b), d.Get(a, b));
    }

    [Fact]
    public void DefaultLimitsAcceptRealCrystalsAndStillRejectHalfABond()
    {
        var shortest = PythonReference.Run("""
            import json
            from ase.build import bulk
            from ase.spacegroup import crystal
            from ase.neighborlist import neighbor_list
            crystals = [
                bulk("Si", "diamond", a=5.431), bulk("NaCl", "rocksalt", a=5.64), bulk("Cu", "fcc", a=3.615),
                bulk("Fe", "bcc", a=2.8665), bulk("MgO", "rocksalt", a=4.212), bulk("LiH", "rocksalt", a=4.083),
                crystal(["Ti", "O"], [(0, 0, 0), (0.3048, 0.3048, 0)], spacegroup=136, cellpar=[4.594, 4.594, 2.959, 90, 90, 90]),
                crystal(["Al", "O"], [(0, 0, 0.3523), (0.3064, 0, 0.25)], spacegroup=167, cellpar=[4.759, 4.759, 12.991, 90, 90, 120]),
                crystal(["Si", "O"], [(0.4697, 0, 2 / 3), (0.4135, 0.2669, 0.1191 + 2 / 3)], spacegroup=154, cellpar=[4.913, 4.913, 5.405, 90, 90, 120]),
                crystal(["Zr", "O", "O"], [(0.2754, 0.0395, 0.2083), (0.0700, 0.3317, 0.3447), (0.4496, 0.7569, 0.4792)],
                        spacegroup=14, cellpar=[5.1505, 5.2116, 5.3173, 90, 99.23, 90]),
            ]
            out = []
            for atoms in crystals:
                pairs = {}
                for i, j, d in zip(*neighbor_list("ijd", atoms, 4.5)):
                    key = "-".join(sorted((atoms[i].symbol, atoms[j].symbol)))
                    pairs[key] = min(pairs.get(key, 1e9), float(d))
                out.append({"formula": atoms.get_chemical_formula(), "pairs": pairs})
            print(json.dumps(out))
            """);
        foreach (var crystal in shortest.EnumerateArray())
        {
            var pairs = crystal.GetProperty("pairs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            var species = pairs.Keys.SelectMany(k => k.Split('-')).Distinct().ToArray();
            var limits = MinimumDistances.FromCovalentRadii(species);
            foreach (var (pair, distance) in pairs)
            {
                var ab = pair.Split('-');
                Assert.True(limits.Get(ab[0], ab[1]) < distance,
                    $"{crystal.GetProperty("formula")}: real {pair} distance {distance:F3} Å is below the default limit {limits.Get(ab[0], ab[1]):F3} Å");
            }
            var bond = pairs.MinBy(p => p.Value);
            var bondAb = bond.Key.Split('-');
            Assert.True(limits.Get(bondAb[0], bondAb[1]) > 0.5 * bond.Value,
                $"{crystal.GetProperty("formula")}: limit for {bond.Key} does not reject half the real bond length {bond.Value:F3} Å");
        }
    }

    [Theory]
    [InlineData("Si-Si", -1.0, "minimum distance for pair 'Si-Si' must be a finite non-negative number of Å (got -1)")]
    [InlineData("Si-O", double.NaN, "minimum distance for pair 'Si-O' must be a finite non-negative number of Å (got NaN)")]
    [InlineData("O-O", double.PositiveInfinity, "minimum distance for pair 'O-O' must be a finite non-negative number of Å (got Infinity)")]
    [InlineData("Si-C", 1.5, "minimum distance pair 'Si-C': C is not in the composition (Si, O)")]
    [InlineData("Xx-O", 1.5, "minimum distance pair 'Xx-O': Xx is not in the composition (Si, O)")]
    [InlineData("SiO", 1.5, "minimum distance pair 'SiO' must be two element symbols joined by '-', e.g. Si-O")]
    [InlineData("Si-O-O", 1.5, "minimum distance pair 'Si-O-O' must be two element symbols joined by '-', e.g. Si-O")]
    [InlineData("Si-", 1.5, "minimum distance pair 'Si-' must be two element symbols joined by '-', e.g. Si-O")]
    public void BadOverridesNameThePair(string pair, double value, string message) =>
        Assert.Equal(message, Assert.Throws<LaqaInputException>(() =>
            MinimumDistances.FromCovalentRadii(["Si", "O"], overrides: [new(pair, value)])).Message);

    [Fact]
    public void BadSpeciesListsAndFactorsAreInputErrors()
    {
        Assert.Equal("minimum distance pair 'O-Si' is given twice (also as 'Si-O')", Assert.Throws<LaqaInputException>(() =>
            MinimumDistances.FromCovalentRadii(["Si", "O"], overrides: [new("Si-O", 1.5), new("O-Si", 1.6)])).Message);
        Assert.Equal("minimum-distance factor must be a finite non-negative number (got -0.5)",
            Assert.Throws<LaqaInputException>(() => MinimumDistances.FromCovalentRadii(["Si"], -0.5)).Message);
        Assert.Equal("unknown element 'Xx'", Assert.Throws<LaqaInputException>(() => MinimumDistances.FromCovalentRadii(["Xx"])).Message);
        Assert.Equal("minimum distances: species (Si, Si) contain a repeat",
            Assert.Throws<LaqaInputException>(() => MinimumDistances.FromCovalentRadii(["Si", "Si"])).Message);
    }
}
