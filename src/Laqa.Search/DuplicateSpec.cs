using Laqa.Crystal.Fingerprints;

namespace Laqa.Search;

/// <summary>
/// Duplicate pruning (laqa.duplicates): when Enabled, a candidate is stopped at the end of a batch when its enthalpy per
/// atom lies within EnergyTolerance (eV/atom) of a converged candidate's and their structures are the same under
/// <see cref="StructureSignature"/> within DistanceTolerance (the fingerprints' cosine distance).
/// </summary>
public sealed record DuplicateSpec(bool Enabled, double EnergyTolerance, double DistanceTolerance)
{
    /// <summary>Off: it has not been measured that pruning never loses the ground state.</summary>
    public static readonly DuplicateSpec Default = new(false, 1e-3, StructureSignature.DefaultDistanceTolerance);
}
