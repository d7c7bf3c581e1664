using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>The embedded potentials selectable by name (e.g. calculator = "si-tersoff" in a campaign).</summary>
public static class PotentialPresets
{
    private static readonly PotentialPreset[] Presets =
    [
        // AIRSS's pp3 Lennard-Jones example (C. J. Pickard, AIRSS, examples of pp3): ε = 1 eV, σ = 2 Å, shifted force at 2.5σ.
        new("lj-airss", LennardJonesPresets.AirssDescription, LennardJonesPresets.Airss),
        new("nacl-bmh", RigidIonPresets.NaClTosiFumiDescription, RigidIonPresets.NaClTosiFumi),
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
