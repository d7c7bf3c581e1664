namespace Laqa.Calculators.Vasp;

/// <summary>
/// How to run VASP and what to compute (config laqa.calculator.vasp): the command (program and
/// arguments) and an MPI launcher put before it (empty: none), the POTCAR folder and the subfolder of
/// each element in it (holding a file POTCAR), the user's INCAR lines (without the keys laqa writes,
/// <see cref="IncarWriter.ReservedKeys"/>), the k-point spacing (Å⁻¹, a Γ-centred mesh per cell) and
/// which energy a step takes.
/// </summary>
public sealed record VaspSettings
{
    public IReadOnlyList<string> Command { get; init; } = ["vasp_std"];
    public IReadOnlyList<string> MpiCommand { get; init; } = [];
    public string PotcarDir { get; init; } = "";
    public IReadOnlyDictionary<string, string> Potcars { get; init; } = new Dictionary<string, string>();
    public string IncarTemplate { get; init; } = "";
    public double KSpacing { get; init; } = 0.5;
    public VaspEnergy Energy { get; init; } = VaspEnergy.FreeEnergy;

    /// <summary>The full command line: the MPI launcher, then VASP and its arguments (VASP reads its inputs from the folder).</summary>
    public IReadOnlyList<string> CommandLine() => [.. MpiCommand, .. Command];
}
