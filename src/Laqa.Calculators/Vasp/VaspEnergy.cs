namespace Laqa.Calculators.Vasp;

/// <summary>
/// Which of VASP's energies a step takes (calculator.vasp.energy): the free energy e_fr_energy (TOTEN,
/// the one the forces and stress are derivatives of; the default), or e_0_energy, the energy
/// extrapolated to zero smearing (σ → 0), which equals the free energy without smearing.
/// </summary>
public enum VaspEnergy
{
    /// <summary>e_fr_energy: ASE's get_potential_energy(force_consistent=True).</summary>
    FreeEnergy,

    /// <summary>e_0_energy: ASE's get_potential_energy().</summary>
    SigmaZero,
}
