using Laqa.Crystal;

namespace Laqa.Calculators.Vasp;

/// <summary>
/// One ionic step of vasprun.xml: the structure it was evaluated at, the free energy (e_fr_energy, eV),
/// the energy at σ → 0 (e_0_energy, eV; see <see cref="VasprunParser"/>), forces (eV/Å, x0,y0,z0,x1,...)
/// and the stress as VASP prints it (kB, row-major, VASP's sign: positive when compressed; symmetric, from VASP's upper triangle).
/// </summary>
public sealed record VaspStep(Structure Structure, double FreeEnergy, double SigmaZeroEnergy, double[] Forces, double[] StressKbar)
{
    /// <summary>In our units and sign: the chosen energy in eV, forces in eV/Å, and σ = −σ_VASP in eV/Å³.</summary>
    public CalculationResult ToResult(VaspEnergy energy) => new(
        energy == VaspEnergy.FreeEnergy ? FreeEnergy : SigmaZeroEnergy,
        [.. Forces],
        [.. StressKbar.Select(s => -s / VaspUnits.KbarPerEvPerCubicAngstrom)]);
}
