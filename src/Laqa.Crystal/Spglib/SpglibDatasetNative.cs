using System.Runtime.InteropServices;

namespace Laqa.Crystal.Spglib;

/// <summary>
/// SpglibDataset of spglib 2.0.2 (spglib.h) on LP64, offsets as the C compiler lays them out.
/// Read only through a pointer returned by spg_get_dataset and released with spg_free_dataset.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 472)]
internal unsafe struct SpglibDatasetNative
{
    [FieldOffset(0)] public int SpacegroupNumber;
    [FieldOffset(4)] public int HallNumber;
    [FieldOffset(8)] public fixed byte InternationalSymbol[11];
    [FieldOffset(19)] public fixed byte HallSymbol[17];
    [FieldOffset(36)] public fixed byte Choice[6];
    [FieldOffset(48)] public fixed double TransformationMatrix[9];
    [FieldOffset(120)] public fixed double OriginShift[3];
    [FieldOffset(144)] public int NOperations;
    [FieldOffset(152)] public int* Rotations;          // int[n_operations][3][3]
    [FieldOffset(160)] public double* Translations;    // double[n_operations][3]
    [FieldOffset(168)] public int NAtoms;
    [FieldOffset(176)] public int* Wyckoffs;
    [FieldOffset(184)] public byte* SiteSymmetrySymbols; // char[n_atoms][7]
    [FieldOffset(192)] public int* EquivalentAtoms;
    [FieldOffset(200)] public int* CrystallographicOrbits;
    [FieldOffset(208)] public fixed double PrimitiveLattice[9];
    [FieldOffset(280)] public int* MappingToPrimitive;
    [FieldOffset(288)] public int NStdAtoms;
    [FieldOffset(296)] public fixed double StdLattice[9];
    [FieldOffset(368)] public int* StdTypes;
    [FieldOffset(376)] public double* StdPositions;    // double[n_std_atoms][3]
    [FieldOffset(384)] public fixed double StdRotationMatrix[9];
    [FieldOffset(456)] public int* StdMappingToPrimitive;
    [FieldOffset(464)] public fixed byte PointgroupSymbol[6];

    public const int SiteSymmetrySymbolLength = 7;
}
