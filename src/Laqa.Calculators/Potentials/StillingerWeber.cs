using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// The Stillinger–Weber potential exactly as LAMMPS's pair_style sw evaluates it:
/// E = Σ_i Σ_j&gt;i φ2(r_ij) + Σ_i Σ_j≠i Σ_k&gt;j φ3(r_ij, r_ik, θ_jik),
/// φ2 = A ε (B (σ/r)^p − (σ/r)^q) exp(σ / (r − a σ)),
/// φ3 = λ ε (cos θ_jik − cos θ0)² exp(γσ_ij / (r_ij − a σ_ij)) exp(γσ_ik / (r_ik − a σ_ik)).
/// Parameters per element triplet come from a LAMMPS .sw file.
/// </summary>
public sealed class StillingerWeber : IPotential
{
    private readonly ElementTriplets<StillingerWeberParameters> _triplets;

    public StillingerWeber(IEnumerable<StillingerWeberParameters> entries, string name = "sw", string? description = null)
    {
        _triplets = new ElementTriplets<StillingerWeberParameters>(entries, "Stillinger-Weber");
        Name = name;
        Description = description ?? $"Stillinger-Weber potential for {string.Join(", ", Elements)}";
    }

    /// <summary>Reads every entry of a LAMMPS .sw file; a malformed entry is reported with the file and line.</summary>
    public static StillingerWeber FromFile(string path, string? name = null) =>
        Parse(LammpsParameterFile.ReadAllText(path), path, name ?? Path.GetFileName(path));

    /// <summary>Reads entries in the .sw format from text; <paramref name="source"/> names it in errors.</summary>
    public static StillingerWeber Parse(string text, string source, string name = "sw", string? description = null)
    {
        var entries = LammpsParameterFile.ReadTriplets(text, source, StillingerWeberParameters.WordsPerEntry, "Stillinger-Weber",
            entry => new StillingerWeberParameters(entry.Words[0], entry.Words[1], entry.Words[2],
                entry.Number(3, "epsilon"), entry.Number(4, "sigma"), entry.Number(5, "a"), entry.Number(6, "lambda"),
                entry.Number(7, "gamma"), entry.Number(8, "costheta0"), entry.Number(9, "A"), entry.Number(10, "B"),
                entry.Number(11, "p"), entry.Number(12, "q"), entry.Number(13, "tol")));
        return new StillingerWeber(entries, name, description ?? $"Stillinger-Weber potential from {source}");
    }

    public string Name { get; }
    public string Description { get; }
    public IEnumerable<StillingerWeberParameters> Entries => _triplets.Entries;

    /// <summary>Elements named anywhere in the entries.</summary>
    public IReadOnlyList<string> Elements => _triplets.Elements;

    public string? MissingParameters(IReadOnlyCollection<string> species) => _triplets.Missing([.. species]);

    public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
    {
        var kinds = SpeciesIndex.Of(structure);
        if (_triplets.Missing(kinds.Names) is { } missing) return CalculationResult.Failed($"{Name}: {missing}");
        var entries = _triplets.Table(kinds.Names);
        var n = kinds.Names.Length;
        var pairs = new StillingerWeberPair[n * n];
        var angles = new StillingerWeberAngle[entries.Length];
        var cutoff = 0.0;
        for (var a = 0; a < n; a++)
        for (var b = 0; b < n; b++)
        {
            pairs[a * n + b] = new StillingerWeberPair(entries[(a * n + b) * n + b]);
            cutoff = Math.Max(cutoff, pairs[a * n + b].NeighbourCutoff);
        }
        for (var t = 0; t < entries.Length; t++) angles[t] = new StillingerWeberAngle(entries[t]);
        var list = NeighbourList.Build(structure, cutoff);
        var forces = new double[3 * structure.Count];
        Span<double> virial = stackalloc double[9];
        virial.Clear();
        var energy = StillingerWeberKernel.Evaluate(list, kinds.Types, n, pairs, angles, forces, virial);
        return PotentialResult.From(Name, energy, forces, virial, structure.Lattice.Volume);
    }
}
