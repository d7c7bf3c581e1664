using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>The embedded potentials selectable by name (e.g. calculator = "si-tersoff" in a campaign).</summary>
public static class PotentialPresets
{
    private static readonly PotentialPreset[] Presets =
    [
        // AIRSS's pp3 Lennard-Jones example (C. J. Pickard, AIRSS, examples of pp3): ε = 1 eV, σ = 2 Å, shifted force at 2.5σ.
        new("lj-airss", LennardJonesPresets.AirssDescription, LennardJonesPresets.Airss),
        // J. Tersoff, Phys. Rev. B 38, 9902 (1988), Si(C) of LAMMPS's SiCGe.tersoff.
        new("si-tersoff", TersoffPresets.SiliconDescription, TersoffPresets.Silicon),
        // F. H. Stillinger, T. A. Weber, Phys. Rev. B 31, 5262 (1985), LAMMPS's Si.sw.
        new("si-sw", StillingerWeberPresets.SiliconDescription, StillingerWeberPresets.Silicon),
        // M. P. Tosi, F. G. Fumi, J. Phys. Chem. Solids 25, 45 (1964); dispersion of J. E. Mayer, J. Chem. Phys. 1, 270 (1933).
        new("nacl-bmh", RigidIonPresets.NaClTosiFumiDescription, RigidIonPresets.NaClTosiFumi),
        // T. S. Bush, J. D. Gale, C. R. A. Catlow, P. D. Battle, J. Mater. Chem. 4, 831 (1994), as rigid ions.
        new("al2o3-bush", RigidIonPresets.Al2O3BushDescription, RigidIonPresets.Al2O3Bush),
    ];

    public static IReadOnlyList<PotentialPreset> All => Presets;

    public static IReadOnlyList<string> Names => [.. Presets.Select(p => p.Name)];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive); an unknown name is bad input.</summary>
    public static PotentialPreset Get(string name) =>
        Array.Find(Presets, p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new LaqaInputException($"unknown potential preset '{name}' (known: {string.Join(", ", Names)})");

    public static ICalculator Create(string name) => Get(name).Create();
}
