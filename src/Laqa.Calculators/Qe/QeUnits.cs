namespace Laqa.Calculators.Qe;

/// <summary>
/// pw.x's units in ours, with the constants pw.x 6.7 itself uses (Modules/constants.f90, CODATA 2006,
/// as ASE's espresso reader also assumes), so that a cell written in Å and read back from Bohr, or a
/// pressure written in kbar, is the same number pw.x works with: energies Ry → eV, forces Ry/Bohr →
/// eV/Å, stress Ry/Bohr³ → eV/Å³, pressure eV/Å³ → kbar. (The CODATA 2018 values differ by about 1e-7.)
/// </summary>
public static class QeUnits
{
    private const double HartreeSi = 4.35974394E-18;
    private const double ElectronVoltSi = 1.602176487E-19;

    public const double EvPerRydberg = HartreeSi / ElectronVoltSi / 2;
    public const double AngstromPerBohr = 0.52917720859;
    public const double EvPerAngstromPerRydbergPerBohr = EvPerRydberg / AngstromPerBohr;
    public const double EvPerCubicAngstromPerRydbergPerCubicBohr = EvPerRydberg / (AngstromPerBohr * AngstromPerBohr * AngstromPerBohr);

    /// <summary>1 eV/Å³ in kbar (0.1 GPa): e · 10³⁰ Pa / 10⁸ Pa per kbar.</summary>
    public const double KbarPerEvPerCubicAngstrom = ElectronVoltSi * 1e22;
}
