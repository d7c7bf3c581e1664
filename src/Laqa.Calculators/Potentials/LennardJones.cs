using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Lennard-Jones pair potential with parameters per species pair, truncated as <see cref="LennardJonesForm"/> says.
/// </summary>
public sealed class LennardJones : IPotential
{
    private readonly LennardJonesPair[] _pairs;

    public LennardJones(IEnumerable<LennardJonesPair> pairs, LennardJonesForm form, string name = "lj", string? description = null)
    {
        _pairs = [.. pairs];
        if (_pairs.Length == 0) throw new LaqaInputException("Lennard-Jones potential needs at least one species pair");
        foreach (var p in _pairs) p.Validate();
        var duplicate = _pairs.GroupBy(p => OrderedKey(p.SpeciesA, p.SpeciesB)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new LaqaInputException($"Lennard-Jones pair {duplicate.Key} is given more than once");
        Form = form;
        Name = name;
        Description = description ?? $"Lennard-Jones ({form}) for pairs {string.Join(", ", _pairs.Select(p => $"{p.SpeciesA}-{p.SpeciesB}"))}";
    }

    public string Name { get; }
    public string Description { get; }
    public LennardJonesForm Form { get; }
    public IReadOnlyList<LennardJonesPair> Pairs => _pairs;

    public string? MissingParameters(IReadOnlyCollection<string> species)
    {
        foreach (var a in species)
        foreach (var b in species)
            if (Find(a, b) is null) return $"no Lennard-Jones parameters for the pair {a}-{b}";
        return null;
    }

    public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
    {
        var kinds = SpeciesIndex.Of(structure);
        var typeCount = kinds.Names.Length;
        var table = new PairCoefficients[typeCount * typeCount];
        var cutoff = 0.0;
        for (var a = 0; a < typeCount; a++)
        for (var b = 0; b < typeCount; b++)
        {
            var pair = Find(kinds.Names[a], kinds.Names[b]);
            if (pair is null) return CalculationResult.Failed($"{Name}: no Lennard-Jones parameters for the pair {kinds.Names[a]}-{kinds.Names[b]}");
            table[a * typeCount + b] = PairCoefficients.For(pair, Form);
            cutoff = Math.Max(cutoff, pair.Cutoff);
        }

        var list = NeighbourList.Build(structure, cutoff, half: true);
        var types = kinds.Types;
        var forces = new double[3 * structure.Count];
        Span<double> virial = stackalloc double[9];
        virial.Clear();
        var energy = 0.0;
        for (var i = 0; i < list.AtomCount; i++)
        {
            var row = types[i] * typeCount;
            for (var e = list.Start[i]; e < list.Start[i + 1]; e++)
            {
                var j = list.Index[e];
                ref readonly var c = ref table[row + types[j]];
                var r = list.Distance[e];
                if (r >= c.Cutoff) continue;
                var inverse2 = 1.0 / (r * r);
                var inverse6 = inverse2 * inverse2 * inverse2;
                energy += inverse6 * (c.C12 * inverse6 - c.C6) - c.EnergyShift - (r - c.Cutoff) * c.SlopeShift;
                // dφ/dr divided by r, so that the gradient with respect to the pair vector is this times the vector.
                var slopeOverR = inverse6 * (6 * c.C6 - 12 * c.C12 * inverse6) * inverse2 - c.SlopeShift / r;
                var d = list.Delta[e];
                BondGradient.Apply(forces, virial, i, j, slopeOverR * d, d);
            }
        }
        return PotentialResult.From(Name, energy, forces, virial, structure.Lattice.Volume);
    }

    private LennardJonesPair? Find(string a, string b)
    {
        const string any = LennardJonesPair.AnySpecies;
        return Match(a, b) ?? Match(a, any) ?? Match(any, b) ?? Match(any, any);

        LennardJonesPair? Match(string x, string y) =>
            Array.Find(_pairs, p => (p.SpeciesA == x && p.SpeciesB == y) || (p.SpeciesA == y && p.SpeciesB == x));
    }

    private static string OrderedKey(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? $"{a}-{b}" : $"{b}-{a}";

    private readonly record struct PairCoefficients(double C12, double C6, double Cutoff, double EnergyShift, double SlopeShift)
    {
        public static PairCoefficients For(LennardJonesPair p, LennardJonesForm form)
        {
            var s6 = Math.Pow(p.Sigma, 6);
            double c6 = 4 * p.Epsilon * s6, c12 = c6 * s6, rc = p.Cutoff;
            var rc6 = Math.Pow(rc, -6);
            var energyAtCutoff = rc6 * (c12 * rc6 - c6);
            var slopeAtCutoff = rc6 * (6 * c6 - 12 * c12 * rc6) / rc;
            return form switch
            {
                LennardJonesForm.Plain => new(c12, c6, rc, 0, 0),
                LennardJonesForm.Shifted => new(c12, c6, rc, energyAtCutoff, 0),
                _ => new(c12, c6, rc, energyAtCutoff, slopeAtCutoff),
            };
        }
    }
}
