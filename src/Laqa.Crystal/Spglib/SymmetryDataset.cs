using System.Collections.Immutable;

namespace Laqa.Crystal.Spglib;

/// <summary>
/// spglib's symmetry analysis of a structure. When the symmetry could not be determined (spglib
/// missing or failed) <see cref="IsKnown"/> is false, the number is 0, the symbol "unknown" and
/// <see cref="Failure"/> says why; the per-atom arrays are then empty.
/// </summary>
public sealed record SymmetryDataset
{
    public const string UnknownSymbol = "unknown";

    public bool IsKnown => SpaceGroupNumber > 0;
    public string? Failure { get; init; }

    /// <summary>International Tables number, 1–230 (0 when unknown).</summary>
    public int SpaceGroupNumber { get; init; }
    /// <summary>Short Hermann–Mauguin symbol, e.g. "Fd-3m".</summary>
    public string InternationalSymbol { get; init; } = UnknownSymbol;
    /// <summary>spglib's Hall number 1–530 (the setting of the standardized cell).</summary>
    public int HallNumber { get; init; }
    public string HallSymbol { get; init; } = "";
    /// <summary>Origin choice or axes setting ("1", "2", "H", "R", …; empty when unique).</summary>
    public string Choice { get; init; } = "";
    public string PointGroup { get; init; } = "";

    /// <summary>Operations of the input cell, in its own fractional basis (pure translations included for supercells).</summary>
    public ImmutableArray<SymmetryOperation> Operations { get; init; } = [];
    /// <summary>Wyckoff letter of each input atom in the standardized setting.</summary>
    public ImmutableArray<char> WyckoffLetters { get; init; } = [];
    public ImmutableArray<string> SiteSymmetrySymbols { get; init; } = [];
    /// <summary>For each input atom the index of the first atom of its symmetry orbit.</summary>
    public ImmutableArray<int> EquivalentAtoms { get; init; } = [];

    /// <summary>Transformation P and origin shift p with (a_s b_s c_s) = (a b c) P⁻¹ as spglib defines them.</summary>
    public double[,] TransformationMatrix { get; init; } = new double[3, 3];
    public Vec3 OriginShift { get; init; }

    /// <summary>spglib's idealized conventional cell (null when unknown).</summary>
    public Structure? Standardized { get; init; }
    /// <summary>Number of atoms in the primitive cell of the input (0 when unknown).</summary>
    public int PrimitiveCount { get; init; }

    public static SymmetryDataset Unknown(string failure) => new() { Failure = failure };

    public override string ToString() => IsKnown ? $"{InternationalSymbol} ({SpaceGroupNumber})" : $"{UnknownSymbol} ({Failure})";
}
