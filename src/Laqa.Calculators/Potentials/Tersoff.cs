using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// The Tersoff potential exactly as LAMMPS's pair_style tersoff evaluates it:
/// E = ½ Σ_i Σ_j≠i f_C(r_ij) [A e^(−λ1 r_ij) − b_ij B e^(−λ2 r_ij)],
/// b_ij = (1 + (β ζ_ij)^n)^(−1/2n), ζ_ij = Σ_k≠i,j f_C(r_ik) g(θ_ijk) exp[(λ3 (r_ij − r_ik))^m],
/// g(θ) = γ (1 + c²/d² − c²/(d² + (cos θ0 − cos θ)²)), with LAMMPS's asymptotic forms of b_ij for very
/// large or small β ζ. Parameters per element triplet come from a LAMMPS .tersoff file. The repulsive term
/// of a bond takes half from entry (i, j, j) and half from (j, i, i); LAMMPS takes one of them by atom
/// order, so the two agree whenever the file gives both entries the same A, λ1, R and D, as published files do.
/// </summary>
public sealed class Tersoff : IPotential
{
    private readonly ElementTriplets<TersoffParameters> _triplets;

    public Tersoff(IEnumerable<TersoffParameters> entries, string name = "tersoff", string? description = null)
    {
        _triplets = new ElementTriplets<TersoffParameters>(entries, "Tersoff");
        Name = name;
        Description = description ?? $"Tersoff potential for {string.Join(", ", Elements)}";
    }

    /// <summary>Reads every entry of a LAMMPS .tersoff file; a malformed entry is reported with the file and line.</summary>
    public static Tersoff FromFile(string path, string? name = null) =>
        Parse(LammpsParameterFile.ReadAllText(path), path, name ?? Path.GetFileName(path));

    /// <summary>Reads entries in the .tersoff format from text; <paramref name="source"/> names it in errors.</summary>
    public static Tersoff Parse(string text, string source, string name = "tersoff", string? description = null)
    {
        var entries = LammpsParameterFile.ReadTriplets(text, source, TersoffParameters.WordsPerEntry, "Tersoff",
            entry => new TersoffParameters(entry.Words[0], entry.Words[1], entry.Words[2],
                entry.Number(3, "m"), entry.Number(4, "gamma"), entry.Number(5, "lambda3"), entry.Number(6, "c"),
                entry.Number(7, "d"), entry.Number(8, "costheta0"), entry.Number(9, "n"), entry.Number(10, "beta"),
                entry.Number(11, "lambda2"), entry.Number(12, "B"), entry.Number(13, "R"), entry.Number(14, "D"),
                entry.Number(15, "lambda1"), entry.Number(16, "A")));
        return new Tersoff(entries, name, description ?? $"Tersoff potential from {source}");
    }

    public string Name { get; }
    public string Description { get; }
    public IEnumerable<TersoffParameters> Entries => _triplets.Entries;

    /// <summary>Elements named anywhere in the entries.</summary>
    public IReadOnlyList<string> Elements => _triplets.Elements;

    public string? MissingParameters(IReadOnlyCollection<string> species) => _triplets.Missing([.. species]);

    public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
    {
        var kinds = SpeciesIndex.Of(structure);
        if (_triplets.Missing(kinds.Names) is { } missing) return CalculationResult.Failed($"{Name}: {missing}");
        var entries = _triplets.Table(kinds.Names);
        var table = new TersoffTriplet[entries.Length];
        var cutoff = 0.0;
        for (var t = 0; t < entries.Length; t++)
        {
            table[t] = new TersoffTriplet(entries[t]);
            cutoff = Math.Max(cutoff, table[t].Cutoff);
        }
        var list = NeighbourList.Build(structure, cutoff);
        var forces = new double[3 * structure.Count];
        Span<double> virial = stackalloc double[9];
        virial.Clear();
        var energy = TersoffKernel.Evaluate(list, kinds.Types, kinds.Names.Length, table, forces, virial);
        return PotentialResult.From(Name, energy, forces, virial, structure.Lattice.Volume);
    }
}
