namespace Laqa.Calculators.Relaxation;

/// <summary>
/// ASE's BFGS parameters: the initial Hessian InitialCurvature·I (eV/Å², ASE's alpha = 70) and
/// MaxStep (Å), the longest move of any one atom (or cell row) per step.
/// </summary>
public sealed record BfgsParameters
{
    public double MaxStep { get; init; } = 0.2;
    public double InitialCurvature { get; init; } = 70.0;

    public static readonly BfgsParameters Default = new();

    public void Validate()
    {
        RelaxationOptions.Require(MaxStep > 0 && double.IsFinite(MaxStep), nameof(MaxStep), MaxStep);
        RelaxationOptions.Require(InitialCurvature > 0 && double.IsFinite(InitialCurvature), nameof(InitialCurvature), InitialCurvature);
    }
}
