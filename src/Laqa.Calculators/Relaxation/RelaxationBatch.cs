namespace Laqa.Calculators.Relaxation;

/// <summary>
/// One relaxation step's numbers at the geometry evaluated in that step: total energy (eV),
/// energy per atom, largest and mean force norm (eV/Å), largest and mean |σ_ij| (eV/Å³).
/// </summary>
public sealed record RelaxationStep(
    double Energy, double EnergyPerAtom, double MaxForce, double MeanForceNorm, double MaxAbsStress, double MeanAbsStress);

public enum RelaxationOutcome
{
    /// <summary>The batch used its steps and the relaxation can continue.</summary>
    Running,
    /// <summary>max |F| ≤ fmax and max |σ| ≤ smax.</summary>
    Converged,
    /// <summary>Unrecoverable (calculator failure, NaN, volume out of bounds); see FailureReason.</summary>
    Failed,
}

/// <summary>The result of one Advance call: each step taken, the state to continue from, and how it ended.</summary>
public sealed record RelaxationBatch(
    IReadOnlyList<RelaxationStep> Steps, RelaxationState Next, RelaxationOutcome Outcome, string? FailureReason = null);
