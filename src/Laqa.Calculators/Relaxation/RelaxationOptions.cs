using Laqa.Crystal;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// What a relaxation aims at and when it gives up, shared by every optimizer.
/// Converged when max |F| ≤ <see cref="Fmax"/> and max |σ_ij + p·δ_ij| ≤ <see cref="Smax"/> at
/// the same step, where p is <see cref="Pressure"/>. Fmax 0.01 eV/Å is ASE's and CrySPY's usual
/// final tolerance; Smax 5e-4 eV/Å³ (0.08 GPa) is what ASE's fmax 0.01 on a cell filter's
/// virial/N means at about 20 Å³/atom. Failed when the cell volume leaves
/// [MinVolumeRatio, MaxVolumeRatio] × the volume at the start of the relaxation, or a principal
/// stretch of the cell (relative to that start) leaves [1/MaxStretch, MaxStretch].
/// </summary>
public sealed record RelaxationOptions
{
    /// <summary>Force tolerance, eV/Å.</summary>
    public double Fmax { get; init; } = 0.01;

    /// <summary>Tolerance on the residual stress σ + p·I, eV/Å³.</summary>
    public double Smax { get; init; } = 5e-4;

    /// <summary>External hydrostatic pressure p, eV/Å³ (positive compresses; see <see cref="PressureUnits"/>).</summary>
    public double Pressure { get; init; }

    /// <summary>
    /// Scale of the cell coordinates against the atom coordinates (ASE's exp_cell_factor): the cell
    /// coordinates are CellFactor·L and their forces virial/CellFactor. Null: the number of atoms,
    /// ASE's default.
    /// </summary>
    public double? CellFactor { get; init; }

    public double MinVolumeRatio { get; init; } = 0.2;
    public double MaxVolumeRatio { get; init; } = 5.0;
    public double MaxStretch { get; init; } = 5.0;

    public static readonly RelaxationOptions Default = new();

    /// <summary>Throws ArgumentException naming the first setting that cannot work.</summary>
    public void Validate()
    {
        Require(Fmax > 0 && double.IsFinite(Fmax), nameof(Fmax), Fmax);
        Require(Smax > 0 && double.IsFinite(Smax), nameof(Smax), Smax);
        Require(double.IsFinite(Pressure), nameof(Pressure), Pressure);
        if (CellFactor is { } factor) Require(factor > 0 && double.IsFinite(factor), nameof(CellFactor), factor);
        Require(MinVolumeRatio > 0 && MinVolumeRatio < 1, nameof(MinVolumeRatio), MinVolumeRatio);
        Require(MaxVolumeRatio > 1 && double.IsFinite(MaxVolumeRatio), nameof(MaxVolumeRatio), MaxVolumeRatio);
        Require(MaxStretch > 1 && double.IsFinite(MaxStretch), nameof(MaxStretch), MaxStretch);
    }

    internal double CellFactorFor(int atoms) => CellFactor ?? atoms;

    internal static void Require(bool ok, string name, double value)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"relaxation setting {name} = {value} is out of range");
    }
}
