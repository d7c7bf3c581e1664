using System.Collections.Immutable;

namespace Laqa.Crystal.Spglib;

/// <summary>
/// Symmetry analysis through the system spglib (libsymspg.so.1), loaded on first use. Without
/// the library one warning goes to stderr and results are "unknown"; nothing throws.
/// </summary>
public static class SymmetryAnalyzer
{
    private static readonly Lazy<SpglibLibrary> Library = new(() => new SpglibLibrary(SpglibLibrary.DefaultName, Console.Error));

    public static bool IsAvailable => Library.Value.IsAvailable;

    /// <summary>Space group and per-atom symmetry data; symprec is a cartesian tolerance in Å.</summary>
    public static SymmetryDataset Analyze(Structure structure, double symprec = 1e-3) => Library.Value.Analyze(structure, symprec);

    /// <summary>Idealized primitive cell; the input when the symmetry is unknown.</summary>
    public static Structure Primitive(Structure structure, double symprec = 1e-3) => Library.Value.Primitive(structure, symprec);

    /// <summary>Idealized conventional (standardized) cell; the input when the symmetry is unknown.</summary>
    public static Structure Standardized(Structure structure, double symprec = 1e-3) => Library.Value.Standardized(structure, symprec);

    /// <summary>The operations of a Hall setting from spglib's database; empty when unavailable.</summary>
    public static ImmutableArray<SymmetryOperation> OperationsOfHallNumber(int hallNumber) => Library.Value.OperationsOfHallNumber(hallNumber);
}
