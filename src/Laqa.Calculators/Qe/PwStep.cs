namespace Laqa.Calculators.Qe;

/// <summary>
/// One evaluated geometry as pw.x prints it: total energy (Ry), forces (Ry/Bohr, x0,y0,z0,x1,...) and
/// the stress tensor (Ry/Bohr³, row-major, pw.x's sign: positive when compressed).
/// </summary>
public sealed record PwStep(double EnergyRy, double[] ForcesRyPerBohr, double[] StressRyPerCubicBohr)
{
    /// <summary>In our units and sign: eV, eV/Å, and σ = −σ_QE in eV/Å³.</summary>
    public CalculationResult ToResult() => new(
        EnergyRy * QeUnits.EvPerRydberg,
        [.. ForcesRyPerBohr.Select(f => f * QeUnits.EvPerAngstromPerRydbergPerBohr)],
        [.. StressRyPerCubicBohr.Select(s => -s * QeUnits.EvPerCubicAngstromPerRydbergPerCubicBohr)]);
}
