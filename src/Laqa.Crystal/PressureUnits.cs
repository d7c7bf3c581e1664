namespace Laqa.Crystal;

/// <summary>Pressure and stress conversions: the relaxers work in eV/Å³, people think in GPa.</summary>
public static class PressureUnits
{
    /// <summary>1 eV/Å³ in GPa.</summary>
    public const double GPaPerEvPerCubicAngstrom = 160.21766208;

    public static double ToGPa(double evPerCubicAngstrom) => evPerCubicAngstrom * GPaPerEvPerCubicAngstrom;
    public static double FromGPa(double gpa) => gpa / GPaPerEvPerCubicAngstrom;
}
