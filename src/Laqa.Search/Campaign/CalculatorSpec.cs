namespace Laqa.Search.Campaign;

/// <summary>
/// The calculator of a campaign, exactly one of: an embedded preset (<see cref="PresetCalculatorSpec"/>),
/// a LAMMPS potential file (<see cref="LammpsFileCalculatorSpec"/>), explicit Lennard-Jones
/// (<see cref="LennardJonesCalculatorSpec"/>) or rigid-ion (<see cref="RigidIonCalculatorSpec"/>) parameters, LAMMPS's library
/// (<see cref="LammpsCalculatorSpec"/>), or an external code: Quantum ESPRESSO (<see cref="QeCalculatorSpec"/>), VASP (<see cref="VaspCalculatorSpec"/>)
/// or an ASE calculator in Python (<see cref="AseCalculatorSpec"/>).
/// </summary>
public abstract record CalculatorSpec
{
    public static readonly CalculatorSpec Default = new PresetCalculatorSpec("si-tersoff");

    /// <summary>Every setting that defines the calculator, as (key below laqa.calculator, value) in a fixed order.</summary>
    public abstract IEnumerable<(string Key, string Value)> Settings();
}
