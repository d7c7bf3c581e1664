namespace Laqa.Crystal.Symmetry;

public enum CrystalSystem
{
    Triclinic,
    Monoclinic,
    Orthorhombic,
    Tetragonal,
    Trigonal,
    Hexagonal,
    Cubic,
}

public static class CrystalSystems
{
    /// <summary>The crystal system of space-group type 1..230.</summary>
    public static CrystalSystem Of(int spaceGroupNumber) => spaceGroupNumber switch
    {
        >= 1 and <= 2 => CrystalSystem.Triclinic,
        <= 15 => CrystalSystem.Monoclinic,
        <= 74 => CrystalSystem.Orthorhombic,
        <= 142 => CrystalSystem.Tetragonal,
        <= 167 => CrystalSystem.Trigonal,
        <= 194 => CrystalSystem.Hexagonal,
        <= 230 => CrystalSystem.Cubic,
        _ => throw new LaqaInputException($"space group number {spaceGroupNumber} is not in 1..230"),
    };
}
