namespace Laqa.Search.Campaign;

/// <summary>The pseudopotential of one element: the file name in the pseudo folder and the SHA-256 of its bytes.</summary>
public sealed record PseudopotentialSpec(string Element, string File, string Sha256);

/// <summary>A key passed through to a pw.x namelist, its value as Fortran text.</summary>
public sealed record QeExtraKeySpec(string Namelist, string Key, string Value);

/// <summary>
/// Quantum ESPRESSO's pw.x: the command and the MPI launcher before it (each program and arguments),
/// the pseudopotential folder and files (with SHA-256, so that other files define another campaign),
/// cutoffs (Ry; EcutRho null for pw.x's default), k-points as a spacing (Å⁻¹) or a fixed mesh,
/// smearing (null: fixed occupations) and its width (Ry), mixing, the SCF iteration limit, extra
/// namelist keys, and which batch folders to keep (all, failed, none).
/// </summary>
public sealed record QeCalculatorSpec(
    EquatableList<string> Command,
    EquatableList<string> MpiCommand,
    string PseudoDir,
    EquatableList<PseudopotentialSpec> Pseudopotentials,
    double Ecutwfc,
    double? EcutRho,
    double? KSpacing,
    EquatableList<int>? KPoints,
    string? Smearing,
    double Degauss,
    double MixingBeta,
    int ElectronMaxstep,
    EquatableList<QeExtraKeySpec> Extra,
    string KeepFiles) : CalculatorSpec
{
    /// <summary>What defines the results; how pw.x is launched (mpi-command) and which folders stay (keep-files) may change on resume.</summary>
    public override IEnumerable<(string Key, string Value)> Settings()
    {
        yield return ("qe.command", string.Join(' ', Command));
        yield return ("qe.pseudo-dir", PseudoDir);
        foreach (var p in Pseudopotentials)
        {
            yield return ($"qe.pseudopotentials.{p.Element}", p.File);
            yield return ($"qe.pseudopotentials.{p.Element}.sha256", p.Sha256);
        }
        yield return ("qe.ecutwfc", SettingText.Number(Ecutwfc));
        yield return ("qe.ecutrho", EcutRho is { } rho ? SettingText.Number(rho) : "default");
        if (KPoints is not null) yield return ("qe.k-points", string.Join(' ', KPoints));
        else yield return ("qe.k-spacing", SettingText.Number(KSpacing!.Value));
        yield return ("qe.smearing", Smearing ?? "none");
        if (Smearing is not null) yield return ("qe.degauss", SettingText.Number(Degauss));
        yield return ("qe.mixing-beta", SettingText.Number(MixingBeta));
        yield return ("qe.electron-maxstep", ElectronMaxstep.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var e in Extra) yield return ($"qe.extra.{e.Namelist}.{e.Key}", e.Value);
    }
}
