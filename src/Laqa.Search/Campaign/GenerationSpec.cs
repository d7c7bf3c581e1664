using Laqa.Crystal;
using Laqa.Crystal.Generation;

namespace Laqa.Search.Campaign;

public enum CellChoice { Conventional, Primitive }

/// <summary>A minimum distance in Å between two elements, ElementA ≤ ElementB in ordinal order.</summary>
public sealed record PairDistance(string ElementA, string ElementB, double Distance)
{
    /// <summary>From "A-B" and a distance, in either order.</summary>
    public static PairDistance Of(KeyValuePair<string, double> pair)
    {
        var elements = pair.Key.Split('-');
        return string.CompareOrdinal(elements[0], elements[1]) <= 0
            ? new PairDistance(elements[0], elements[1], pair.Value)
            : new PairDistance(elements[1], elements[0], pair.Value);
    }
}

/// <summary>
/// Cell volume of a new structure: Factor times the generator's estimate (sum of atomic volumes),
/// or, when MeanPerAtom &gt; 0, drawn per atom from a normal distribution MeanPerAtom ± SigmaPerAtom (Å³/atom).
/// </summary>
public sealed record VolumeSpec(double Factor, double MeanPerAtom, double SigmaPerAtom)
{
    public static readonly VolumeSpec Default = new(1.1, 0, 0);

    public bool UsesMeanAndSigma => MeanPerAtom > 0;
}

/// <summary>
/// Random symmetric structure generation: allowed space groups (sorted, 1–230), minimum distance
/// as a factor of the sum of covalent radii with per-pair overrides in Å, volume, attempts per
/// candidate before it fails, which cell to output, and the rattle applied to each new candidate.
/// </summary>
public sealed record GenerationSpec(
    EquatableList<int> SpaceGroups,
    double MinDistanceFactor,
    EquatableList<PairDistance> MinDistancePairs,
    VolumeSpec Volume,
    int MaxAttempts,
    CellChoice Cell,
    Rattle Rattle)
{
    public static readonly GenerationSpec Default = new(
        new EquatableList<int>(Enumerable.Range(1, 230)), 0.75, EquatableList<PairDistance>.Empty, VolumeSpec.Default, 1000, CellChoice.Conventional,
        Rattle.None);

    /// <summary>The generator's request for a composition, the same for a campaign and for `laqa generate`.</summary>
    public GenerationRequest RequestFor(Composition composition) => new(
        composition,
        SpaceGroupSelection.Parse(string.Join(' ', SpaceGroups)),
        MinimumDistances.FromCovalentRadii([.. composition.Symbols], MinDistanceFactor,
            MinDistancePairs.Select(p => new KeyValuePair<string, double>($"{p.ElementA}-{p.ElementB}", p.Distance))),
        Volume.UsesMeanAndSigma
            ? VolumeEstimate.Explicit(Volume.MeanPerAtom * composition.TotalAtoms, Volume.SigmaPerAtom * composition.TotalAtoms)
            : VolumeEstimate.FromCovalentSpheres(composition, VolumeEstimate.DefaultFactor * Volume.Factor),
        Cell == CellChoice.Primitive,
        MaxAttempts,
        Rattle);

    /// <summary>The override for a pair, in either order, if there is one.</summary>
    public double? MinDistanceOverride(string a, string b)
    {
        var (x, y) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
        return MinDistancePairs.FirstOrDefault(p => p.ElementA == x && p.ElementB == y)?.Distance;
    }
}
