using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Lennard-Jones parameters for one pair of species: φ(r) = 4ε[(σ/r)¹² − (σ/r)⁶] (ε in eV, σ and
/// the cut-off in Å). A species written "*" matches any species not given a pair of its own.
/// </summary>
public sealed record LennardJonesPair(string SpeciesA, string SpeciesB, double Epsilon, double Sigma, double Cutoff)
{
    public const string AnySpecies = "*";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(SpeciesA) || string.IsNullOrWhiteSpace(SpeciesB))
            throw new LaqaInputException($"Lennard-Jones pair '{SpeciesA}-{SpeciesB}' needs two species names");
        if (!double.IsFinite(Epsilon) || Epsilon < 0)
            throw new LaqaInputException($"Lennard-Jones pair {SpeciesA}-{SpeciesB}: epsilon {Epsilon} must be finite and non-negative");
        if (!double.IsFinite(Sigma) || Sigma <= 0)
            throw new LaqaInputException($"Lennard-Jones pair {SpeciesA}-{SpeciesB}: sigma {Sigma} must be positive");
        if (!double.IsFinite(Cutoff) || Cutoff <= 0)
            throw new LaqaInputException($"Lennard-Jones pair {SpeciesA}-{SpeciesB}: cut-off {Cutoff} must be positive");
    }
}
