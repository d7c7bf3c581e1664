namespace Laqa.Calculators.Vasp;

/// <summary>
/// What vasprun.xml holds (see <see cref="VasprunParser"/>): every complete ionic step, and Error, null
/// only when the file is whole: otherwise why reading stopped (a file cut off by a killed VASP, a
/// number VASP could not print, a step without forces or stress), naming the file and line.
/// </summary>
public sealed record VasprunOutput(IReadOnlyList<VaspStep> Steps, string? Error);
