using System.Collections.Immutable;

namespace Laqa.Crystal.IO;

/// <summary>
/// One frame of an extended XYZ file: the structure and, when present, the total energy (eV),
/// forces (eV/Å, xyz per atom flattened), stress (eV/Å³, row-major 3×3, ASE's sign) and the other
/// key=value pairs of the comment line (values unquoted, in file order).
/// </summary>
public sealed record ExtendedXyzFrame(Structure Structure)
{
    public double? Energy { get; init; }
    public double[]? Forces { get; init; }
    public double[]? Stress { get; init; }
    public ImmutableArray<KeyValuePair<string, string>> Info { get; init; } = [];
}
