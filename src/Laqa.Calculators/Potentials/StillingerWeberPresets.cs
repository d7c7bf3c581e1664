namespace Laqa.Calculators.Potentials;

/// <summary>Stillinger–Weber parameter sets shipped as presets.</summary>
public static class StillingerWeberPresets
{
    public const string SiliconDescription =
        "Stillinger-Weber Si: F. H. Stillinger, T. A. Weber, Phys. Rev. B 31, 5262 (1985), as LAMMPS's Si.sw; cut-off a σ = 3.77 Å";

    // The entry of LAMMPS's Si.sw (lammps-data): epsilon sigma a lambda gamma costheta0 A B p q tol.
    private const string SiliconEntry =
        "Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.333333333333 7.049556277 0.6022245584 4.0 0.0 0.0";

    public static StillingerWeber Silicon() => StillingerWeber.Parse(SiliconEntry, "si-sw preset", "si-sw", SiliconDescription);
}
