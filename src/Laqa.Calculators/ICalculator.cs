using Laqa.Crystal;

namespace Laqa.Calculators;

/// <summary>
/// Energy, forces and stress of a structure, in the manner of ASE's Calculator. The embedded
/// potentials implement it, and so do <see cref="Qe.QeCalculator"/> (one pw.x SCF), <see cref="Ase.AseCalculator"/> (an ASE calculator in Python) and
/// <see cref="Lammps.LammpsCalculator"/> (LAMMPS's library).
/// </summary>
public interface ICalculator
{
    /// <summary>A short name for logs and tables, e.g. "si-tersoff".</summary>
    string Name { get; }

    /// <summary>
    /// Evaluates the structure. Never throws for a physically bad geometry or a failed external
    /// run: the result then carries <see cref="CalculationResult.Failure"/> instead.
    /// </summary>
    CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default);
}
