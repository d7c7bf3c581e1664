namespace Laqa.Calculators.Potentials;

/// <summary>Tersoff parameter sets shipped as presets.</summary>
public static class TersoffPresets
{
    public const string SiliconDescription =
        "Tersoff Si(C): J. Tersoff, Phys. Rev. B 38, 9902 (1988), as the Si(C) entry of LAMMPS's SiCGe.tersoff " +
        "(m = 3, λ3 = λ2 = 1.7322 1/Å); smooth cut-off between 2.70 and 3.00 Å";

    // LAMMPS's Si.tersoff holds a different set, Si(B) of Phys. Rev. B 37, 6991 (1988): diamond minimum -4.6304 eV/atom,
    // where this Si(C) set gives -4.6297 eV/atom, both near a = 5.432 Å (our E(a) scans, matching LAMMPS).
    // The Si(C) line of LAMMPS's SiCGe.tersoff (lammps-data), element renamed Si:
    // m gamma lambda3 c d costheta0 n beta lambda2 B R D lambda1 A.
    private const string SiliconEntry =
        "Si Si Si 3.0 1.0 1.7322 1.0039e5 16.218 -0.59826 0.78734 1.0999e-6 1.7322 471.18 2.85 0.15 2.4799 1830.8";

    public static Tersoff Silicon() => Tersoff.Parse(SiliconEntry, "si-tersoff preset", "si-tersoff", SiliconDescription);
}
