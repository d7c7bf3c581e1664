namespace Laqa.Calculators.Tests.Lammps;

/// <summary>
/// How LAMMPS should model the structures: the species of atom types 1, 2, ... in order, the
/// pair_style/pair_coeff (and kspace_style, pair_modify, ...) commands, and optional charges per
/// species (atom_style charge when given).
/// </summary>
public sealed record LammpsSetup(IReadOnlyList<string> Types, string Commands, IReadOnlyDictionary<string, double>? Charges = null);
