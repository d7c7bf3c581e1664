using Laqa.Crystal;

namespace Laqa.Calculators.Qe;

/// <summary>
/// What a pw.x run printed (see <see cref="PwOutputParser"/>): each ionic step with energy, forces and
/// stress, the structure written after each (Structures[i] follows Steps[i]; after a converged BFGS the
/// last one is the final coordinates), whether BFGS converged, the
/// energy of the final SCF at the relaxed structure (Ry), whether the maximum number of steps was
/// reached or an SCF did not converge, and the first line of an "Error in routine" block.
/// </summary>
public sealed record PwOutput(
    IReadOnlyList<PwStep> Steps,
    IReadOnlyList<Structure> Structures,
    bool BfgsConverged,
    double? FinalEnergyRy,
    bool MaxStepsReached,
    bool ScfNotConverged,
    string? Error,
    bool JobDone);
