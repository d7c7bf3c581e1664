namespace Laqa.Search.Campaign;

/// <summary>
/// The calculator of a campaign, exactly one of: an embedded preset (<see cref="PresetCalculatorSpec"/>),
/// a LAMMPS potential file (<see cref="LammpsFileCalculatorSpec"/>), explicit Lennard-Jones
/// (<see cref="LennardJonesCalculatorSpec"/>) or rigid-ion (<see cref="RigidIonCalculatorSpec"/>) parameters,
/// Quantum ESPRESSO (<see cref="QeCalculatorSpec"/>) or LAMMPS's library (<see cref="LammpsCalculatorSpec"/>).
/// </summary>
public abstract record CalculatorSpec
{
    public static readonly CalculatorSpec Default = new PresetCalculatorSpec("si-tersoff");

    /// <summary>Every setting that defines the calculator, as (key below laqa.calculator, value) in a fixed order.</summary>
    public abstract IEnumerable<(string Key, string Value)> Settings();
}
