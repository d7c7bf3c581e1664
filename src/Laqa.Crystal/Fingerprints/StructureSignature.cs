using Laqa.Crystal.Spglib;

namespace Laqa.Crystal.Fingerprints;

/// <summary>
/// What tells two relaxed crystals apart: spglib's space group (at <see cref="Symprec"/>, the tolerance the results table
/// uses for relaxed structures) and the <see cref="StructureFingerprint"/>. Two structures are the same when their space
/// groups are equal and their fingerprints lie within a cosine distance; the space group is a second, independent check
/// that keeps polymorphs with close radial distributions apart.
/// </summary>
public sealed record StructureSignature(int SpaceGroupNumber, StructureFingerprint Fingerprint)
{
    /// <summary>Relaxed structures keep small strains at the convergence thresholds; 0.1 Å finds their ideal group.</summary>
    public const double Symprec = 0.1;

    /// <summary>
    /// The default largest fingerprint distance of the same structure. Measured on diamond Si: atoms displaced by up to
    /// 0.01 Å give 4e-5, 0.03 Å 0.003, a 0.3 % strain 0.007, 0.3 Å 0.24; lonsdaleite, the closest polymorph (its first two
    /// shells are diamond's), lies at 0.012.
    /// </summary>
    public const double DefaultDistanceTolerance = 0.005;

    /// <summary>The space group is 0 when spglib finds none (or is missing); such structures compare by fingerprint alone.</summary>
    public static StructureSignature Of(Structure structure) =>
        new(SymmetryAnalyzer.Analyze(structure, Symprec).SpaceGroupNumber, StructureFingerprint.Of(structure));

    public double DistanceTo(StructureSignature other) => Fingerprint.DistanceTo(other.Fingerprint);

    public bool Matches(StructureSignature other, double distanceTolerance) =>
        SpaceGroupNumber == other.SpaceGroupNumber && DistanceTo(other) <= distanceTolerance;
}
