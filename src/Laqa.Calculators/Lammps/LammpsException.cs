namespace Laqa.Calculators.Lammps;

/// <summary>LAMMPS stopped with an error; the message is LAMMPS's own ERROR line (and the command it was running).</summary>
public sealed class LammpsException(string message) : Exception(message);
