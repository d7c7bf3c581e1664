namespace Laqa.Calculators.Relaxation;

/// <summary>
/// One relaxation step's numbers at the geometry evaluated in that step: total energy (eV),
/// energy per atom, largest and mean force norm (eV/Å), largest and mean |σ_ij + p·δ_ij| (eV/Å³)
/// where p is the external pressure of the relaxation (so plain |σ_ij| at zero pressure), the cell
/// volume (Å³), the structure's own pressure −tr(σ)/3 (eV/Å³), and the calculator's forces (eV/Å,
/// x0,y0,z0,x1,...) and stress tensor (eV/Å³, row-major 3×3, ASE's sign) at that geometry.
/// Equality compares the forces and stress by value.
/// </summary>
public sealed record RelaxationStep(
    double Energy, double EnergyPerAtom, double MaxForce, double MeanForceNorm, double MaxAbsStress, double MeanAbsStress)
{
    public double Volume { get; init; }
    public double Pressure { get; init; }
    public IReadOnlyList<double> Forces { get; init; } = [];
    public IReadOnlyList<double> Stress { get; init; } = [];

    public bool Equals(RelaxationStep? other) =>
        other is not null && Energy.Equals(other.Energy) && EnergyPerAtom.Equals(other.EnergyPerAtom) && MaxForce.Equals(other.MaxForce) &&
        MeanForceNorm.Equals(other.MeanForceNorm) && MaxAbsStress.Equals(other.MaxAbsStress) && MeanAbsStress.Equals(other.MeanAbsStress) &&
        Volume.Equals(other.Volume) && Pressure.Equals(other.Pressure) && Forces.SequenceEqual(other.Forces) && Stress.SequenceEqual(other.Stress);

    public override int GetHashCode() => HashCode.Combine(Energy, MaxForce, MaxAbsStress, Volume, Forces.Count);
}

public enum RelaxationOutcome
{
    /// <summary>The batch used its steps (or was cancelled between steps) and the relaxation can continue.</summary>
    Running,
    /// <summary>max |F| ≤ fmax and max |σ + p·I| ≤ smax at the batch's last step.</summary>
    Converged,
    /// <summary>Unrecoverable (calculator failure, NaN, volume out of bounds); see FailureReason.</summary>
    Failed,
}

/// <summary>
/// The result of one Advance call: each step taken, the state to continue from, and how it ended.
/// Steps holds only evaluations that succeeded; a Failed batch's Next holds the last structure that
/// was evaluated and is not meant to be continued.
/// </summary>
public sealed record RelaxationBatch(
    IReadOnlyList<RelaxationStep> Steps, RelaxationState Next, RelaxationOutcome Outcome, string? FailureReason = null);
