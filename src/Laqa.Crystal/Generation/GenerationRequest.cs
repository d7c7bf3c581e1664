namespace Laqa.Crystal.Generation;

/// <summary>
/// What to generate: a composition (atoms per species in the output cell), the allowed space
/// groups, the minimum distance per species pair (Å, indexed like the composition's species), the
/// target volume per atom (Å³) with a relative spread, the output cell, and an attempt bound.
/// </summary>
public sealed record GenerationRequest(
    Composition Composition,
    IReadOnlyList<int> SpaceGroups,
    double[,] MinimumDistances,
    double VolumePerAtom,
    double VolumeSpread = 0.1,
    bool Primitive = true,
    int MaxAttempts = 5000);

/// <summary>A generated candidate: its structure, the space group it was built in and the Wyckoff letters used.</summary>
public sealed record GeneratedStructure(int Index, Structure Structure, int SpaceGroup, string SpaceGroupSymbol, string WyckoffLetters, int Attempts);
