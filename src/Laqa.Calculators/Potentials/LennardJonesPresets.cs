namespace Laqa.Calculators.Potentials;

/// <summary>Lennard-Jones parameter sets shipped as presets.</summary>
public static class LennardJonesPresets
{
    public const string AirssDescription =
        "Lennard-Jones as in AIRSS's pp3 example (C. J. Pickard, AIRSS): ε = 1 eV, σ = 2 Å, shifted force at 2.5σ = 5 Å; " +
        "every atom interacts alike whatever its species label";

    /// <summary>Single-component Lennard-Jones of AIRSS's pp3 example, applied to any species (the "*" pair).</summary>
    public static LennardJones Airss() =>
        new([new LennardJonesPair(LennardJonesPair.AnySpecies, LennardJonesPair.AnySpecies, 1.0, 2.0, 5.0)],
            LennardJonesForm.ShiftedForce, "lj-airss", AirssDescription);
}
