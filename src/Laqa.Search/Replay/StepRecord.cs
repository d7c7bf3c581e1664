namespace Laqa.Search.Replay;

/// <summary>
/// One relaxation step as the search sees it: energy per atom (eV/atom), mean force norm (eV/Å), mean
/// |σ_ij| (eV/Å³) and pV/N (eV/atom) under the relaxation's external pressure, at that step's geometry.
/// </summary>
public readonly record struct StepRecord(double EnergyPerAtom, double MeanForceNorm, double MeanAbsStress, double PressureVolumePerAtom = 0)
{
    public double EnthalpyPerAtom => EnergyPerAtom + PressureVolumePerAtom;
}
