namespace Laqa.Calculators.Potentials;

/// <summary>Rigid-ion parameter sets shipped as presets.</summary>
public static class RigidIonPresets
{
    public const double ShortRangeCutoff = 10.0;

    public const string NaClTosiFumiDescription =
        "NaCl rigid ions (Na +1, Cl −1) with Born–Mayer–Huggins short-range terms of M. P. Tosi and F. G. Fumi, " +
        "J. Phys. Chem. Solids 25, 45 (1964): b = 0.338e-19 J, ρ = 0.317 Å, σ(Na) = 1.170 Å, σ(Cl) = 1.585 Å, Pauling factors " +
        "1.25/1.00/0.75, dispersion C and D of J. E. Mayer, J. Chem. Phys. 1, 270 (1933); short range shifted to 0 at 10 Å, Ewald Coulomb";

    public const string Al2O3BushDescription =
        "Al2O3 rigid ions (Al +3, O −2) with the Buckingham short-range terms of T. S. Bush, J. D. Gale, C. R. A. Catlow, " +
        "P. D. Battle, J. Mater. Chem. 4, 831 (1994) (Al–O A = 2409.505 eV, ρ = 0.2649 Å; O–O A = 25.41 eV, ρ = 0.6937 Å, C = 32.32 eV·Å⁶; " +
        "Al–Al Coulomb only), used without O shells; short range shifted to 0 at 10 Å, Ewald Coulomb";

    // Tosi and Fumi give energies in units of 1e-12 erg = 1e-19 J, lengths in Å.
    private const double TosiFumiEnergyUnit = 1e-19 / 1.602176634e-19;

    public static RigidIonPotential NaClTosiFumiPotential { get; } = new("nacl-bmh", NaClTosiFumiDescription,
        new Dictionary<string, double> { ["Na"] = 1.0, ["Cl"] = -1.0 },
        [
            ("Na", "Na", TosiFumi(1.25, 1.170 + 1.170, 1.68, 0.8)),
            ("Na", "Cl", TosiFumi(1.00, 1.170 + 1.585, 11.2, 13.9)),
            ("Cl", "Cl", TosiFumi(0.75, 1.585 + 1.585, 116.0, 233.0)),
        ],
        ShortRangeCutoff);

    public static RigidIonPotential Al2O3BushPotential { get; } = new("al2o3-bush", Al2O3BushDescription,
        new Dictionary<string, double> { ["Al"] = 3.0, ["O"] = -2.0 },
        [
            ("Al", "O", ShortRangePair.Buckingham(2409.505, 0.2649, 0.0)),
            ("O", "O", ShortRangePair.Buckingham(25.41, 0.6937, 32.32)),
            ("Al", "Al", ShortRangePair.None),
        ],
        ShortRangeCutoff);

    public static RigidIonCalculator NaClTosiFumi() => new(NaClTosiFumiPotential);

    public static RigidIonCalculator Al2O3Bush() => new(Al2O3BushPotential);

    private static ShortRangePair TosiFumi(double paulingFactor, double sigma, double c, double d) =>
        ShortRangePair.BornMayerHuggins(paulingFactor * 0.338 * TosiFumiEnergyUnit, 0.317, sigma, c * TosiFumiEnergyUnit, d * TosiFumiEnergyUnit);
}
