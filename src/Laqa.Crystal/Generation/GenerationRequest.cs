namespace Laqa.Crystal.Generation;

/// <summary>
/// What to generate: a composition (atoms per species in the output cell), the allowed space
/// groups, the minimum distance per species pair (indexed like the composition's species), the
/// target volume of the output cell, whether the output cell is primitive (by default the conventional
/// cell, as a campaign's laqa.generation.cell), an attempt bound, and the rattle applied to each placed structure
/// (the minimum distances hold before it).
/// </summary>
public sealed record GenerationRequest(
    Composition Composition,
    SpaceGroupSelection SpaceGroups,
    MinimumDistances Distances,
    VolumeEstimate Volume,
    bool Primitive = false,
    int MaxAttempts = 5000,
    Rattle? Rattle = null)
{
    /// <summary>Defaults a materials scientist expects: covalent-radius distances and covalent-sphere volume.</summary>
    public static GenerationRequest Default(Composition composition, SpaceGroupSelection spaceGroups) =>
        new(composition, spaceGroups, MinimumDistances.FromCovalentRadii([.. composition.Symbols]),
            VolumeEstimate.FromCovalentSpheres(composition));
}

/// <summary>A generated candidate: its structure, the space group it was built in and the Wyckoff positions used per species.</summary>
public sealed record GeneratedStructure(int Index, Structure Structure, int SpaceGroup, string SpaceGroupSymbol, string WyckoffPositions, int Attempts);
