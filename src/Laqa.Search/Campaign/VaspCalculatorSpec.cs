namespace Laqa.Search.Campaign;

/// <summary>The POTCAR of one element: its subfolder of potcar-dir (holding a file POTCAR) and the SHA-256 of that file.</summary>
public sealed record PotcarSpec(string Element, string Subfolder, string Sha256);

/// <summary>
/// VASP: the command and the MPI launcher before it (each program and arguments), the POTCAR folder
/// and each element's POTCAR (with SHA-256, so that other files define another campaign), the user's
/// INCAR template (its path, text and SHA-256; empty text when none is given), the k-point spacing
/// (Å⁻¹), the energy a step takes (e_fr_energy or e_0_energy), and which batch folders to keep.
/// </summary>
public sealed record VaspCalculatorSpec(
    EquatableList<string> Command,
    EquatableList<string> MpiCommand,
    string PotcarDir,
    EquatableList<PotcarSpec> Potcars,
    string IncarTemplatePath,
    string IncarTemplate,
    string IncarTemplateSha256,
    double KSpacing,
    string Energy,
    string KeepFiles) : CalculatorSpec
{
    /// <summary>The values of calculator.vasp.energy.</summary>
    public const string FreeEnergy = "e_fr_energy";
    public const string SigmaZeroEnergy = "e_0_energy";

    /// <summary>What defines the results; how VASP is launched (mpi-command) and which folders stay (keep-files) may change on resume.</summary>
    public override IEnumerable<(string Key, string Value)> Settings()
    {
        yield return ("vasp.command", string.Join(' ', Command));
        yield return ("vasp.potcar-dir", PotcarDir);
        foreach (var p in Potcars)
        {
            yield return ($"vasp.potcars.{p.Element}", p.Subfolder);
            yield return ($"vasp.potcars.{p.Element}.sha256", p.Sha256);
        }
        yield return ("vasp.incar-template", IncarTemplatePath);
        yield return ("vasp.incar-template.sha256", IncarTemplateSha256);
        yield return ("vasp.k-spacing", SettingText.Number(KSpacing));
        yield return ("vasp.energy", Energy);
    }
}
