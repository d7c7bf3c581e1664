namespace Laqa.Search.Campaign;

/// <summary>The pseudopotential of one element: the file name in the pseudo folder and the SHA-256 of its bytes.</summary>
public sealed record PseudopotentialSpec(string Element, string File, string Sha256);

/// <summary>A key passed through to a pw.x namelist, its value as Fortran text.</summary>
public sealed record QeExtraKeySpec(string Namelist, string Key, string Value);

/// <summary>A user's pw.x template (laqa.calculator.qe.template): its full path, its text as read when the config was loaded, and the SHA-256 of its bytes.</summary>
public sealed record QeTemplateSpec(string Path, string Text, string Sha256);

/// <summary>
/// Quantum ESPRESSO's pw.x: the command and the MPI launcher before it (each program and arguments),
/// the pseudopotential folder and files (with SHA-256, so that other files define another campaign),
/// cutoffs (Ry; EcutRho null for pw.x's default), k-points as a spacing (Å⁻¹) or a fixed mesh,
/// smearing (null: fixed occupations) and its width (Ry), mixing, the SCF iteration limit, extra
/// namelist keys, and which batch folders to keep (all, failed, none). With a template the namelists
/// (and species and k-points if it has those cards) come from it: the cutoffs, smearing and extra keys
/// are not used, MixingBeta and ElectronMaxstep hold its values, and KSpacing and KPoints are both null
/// when it has K_POINTS.
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
    string KeepFiles,
    QeTemplateSpec? Template = null) : CalculatorSpec
{
    /// <summary>What defines the results (with a template: its path and SHA-256 for the namelists, species and k-points it holds); how pw.x is launched (mpi-command) and which folders stay (keep-files) may change on resume.</summary>
    public override IEnumerable<(string Key, string Value)> Settings()
    {
        yield return ("qe.command", string.Join(' ', Command));
        yield return ("qe.pseudo-dir", PseudoDir);
        foreach (var p in Pseudopotentials)
        {
            yield return ($"qe.pseudopotentials.{p.Element}", p.File);
            yield return ($"qe.pseudopotentials.{p.Element}.sha256", p.Sha256);
        }
        if (Template is not null)
        {
            yield return ("qe.template", Template.Path);
            yield return ("qe.template.sha256", Template.Sha256);
            if (KPoints is not null) yield return ("qe.k-points", string.Join(' ', KPoints));
            else if (KSpacing is { } spacing) yield return ("qe.k-spacing", SettingText.Number(spacing));
            yield break;
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
