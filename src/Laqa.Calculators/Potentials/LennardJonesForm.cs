namespace Laqa.Calculators.Potentials;

/// <summary>How the Lennard-Jones pair energy is truncated at its cut-off r_c.</summary>
public enum LennardJonesForm
{
    /// <summary>φ(r), cut at r_c (LAMMPS lj/cut): energy and force jump at r_c.</summary>
    Plain,

    /// <summary>φ(r) − φ(r_c) (lj/cut with pair_modify shift yes): energy continuous, force jumps.</summary>
    Shifted,

    /// <summary>φ(r) − φ(r_c) − (r − r_c) φ'(r_c) (lj/smooth/linear): energy and force continuous.</summary>
    ShiftedForce,
}
