namespace Laqa.Calculators.Qe;

/// <summary>
/// pw.x's units in ours, from CODATA 2018 (the values of /work/shared/reference/quantum-espresso.md):
/// energies Ry → eV, forces Ry/Bohr → eV/Å, stress Ry/Bohr³ → eV/Å³, pressure eV/Å³ → kbar.
/// </summary>
public static class QeUnits
{
    public const double EvPerRydberg = 13.605693122994;
    public const double AngstromPerBohr = 0.529177210903;
    public const double EvPerAngstromPerRydbergPerBohr = EvPerRydberg / AngstromPerBohr;
    public const double EvPerCubicAngstromPerRydbergPerCubicBohr = EvPerRydberg / (AngstromPerBohr * AngstromPerBohr * AngstromPerBohr);

    /// <summary>1 eV/Å³ in kbar (0.1 GPa).</summary>
    public const double KbarPerEvPerCubicAngstrom = 1602.1766208;
}
