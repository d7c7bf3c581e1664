using Laqa.Calculators.Relaxation;
using Laqa.Crystal;

namespace Laqa.Calculators.Vasp;

/// <summary>VASP's stress unit in ours: kB (kilobar, 0.1 GPa) → eV/Å³, with the GPa of <see cref="PressureUnits"/> (ASE's).</summary>
public static class VaspUnits
{
    public const double KbarPerEvPerCubicAngstrom = PressureUnits.GPaPerEvPerCubicAngstrom * 10;
}
