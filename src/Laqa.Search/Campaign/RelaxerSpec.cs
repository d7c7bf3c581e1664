using Laqa.Crystal;

namespace Laqa.Search.Campaign;

public enum RelaxerAlgorithm { Fire, Bfgs }

/// <summary>
/// Relaxation of atoms and cell in batches of StepsPerBatch steps, converged when max |F| ≤ MaxForce
/// (eV/Å) and max |σ_ij| ≤ MaxStress (eV/Å³), under ExternalPressure (eV/Å³). The config gives
/// smax and pressure in GPa.
/// </summary>
public sealed record RelaxerSpec(RelaxerAlgorithm Algorithm, int StepsPerBatch, double MaxForce, double MaxStress, double ExternalPressure)
{
    public static readonly RelaxerSpec Default = new(RelaxerAlgorithm.Fire, 10, 0.05, PressureUnits.FromGPa(0.1), 0);
}
