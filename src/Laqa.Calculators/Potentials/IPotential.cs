using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// An embedded interatomic potential: a calculator with parameters for some species only, so a
/// campaign can reject a composition before any structure is evaluated.
/// </summary>
public interface IPotential : ICalculator
{
    /// <summary>The functional form and the source of its parameters.</summary>
    string Description { get; }

    /// <summary>Why the potential cannot evaluate structures holding these species (naming the first species or pair it lacks), or null if it can.</summary>
    string? MissingParameters(IReadOnlyCollection<string> species);

    /// <summary>
    /// Why the potential cannot evaluate any cell of this composition (the species it lacks, or for
    /// fixed charges a net charge), or null if it can: a campaign checks this before it starts.
    /// </summary>
    string? CannotEvaluate(Composition composition) =>
        MissingParameters([.. composition.Symbols]) is { } missing ? $"{missing} of the composition {composition}" : null;

    /// <summary>Throws <see cref="LaqaInputException"/> if the potential lacks parameters for any of these species.</summary>
    void RequireSpecies(IEnumerable<string> species)
    {
        var missing = MissingParameters(species.Distinct().ToArray());
        if (missing is not null) throw new LaqaInputException($"potential '{Name}': {missing}");
    }
}
