namespace Laqa.Calculators.Qe;

/// <summary>One key = value of a template's namelist: the key in lower case (with its index, e.g. hubbard_u(1)), the value as written, its line.</summary>
public sealed record PwTemplateKey(string Key, string Value, int Line);

/// <summary>
/// A user's pw.x input with the structure left to laqa (see <see cref="PwTemplateReader"/>): the keys of
/// its namelists (control, system, electrons, ions, cell) in the order written, the ATOMIC_SPECIES line
/// of each element if it has that card, and its K_POINTS card if it has one. laqa writes the rest:
/// the keys it owns (<see cref="OwnedKeys"/>), CELL_PARAMETERS and ATOMIC_POSITIONS.
/// </summary>
public sealed record PwTemplate(
    IReadOnlyDictionary<string, IReadOnlyList<PwTemplateKey>> Namelists,
    IReadOnlyDictionary<string, string>? Species,
    string? KPoints)
{
    /// <summary>
    /// Keys laqa writes for every batch, with why: not accepted in a template. mixing_beta is read from
    /// the template (its retry halves it) and electron_maxstep too (named in a failure).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OwnedKeys = new Dictionary<string, string>
    {
        ["calculation"] = "vc-relax for each batch, scf for laqa calc",
        ["nstep"] = "relaxer.steps-per-batch",
        ["press"] = "relaxer.pressure",
        ["forc_conv_thr"] = "relaxer.fmax",
        ["press_conv_thr"] = "relaxer.smax",
        ["ion_dynamics"] = "bfgs, whose output laqa reads",
        ["cell_dynamics"] = "bfgs, whose output laqa reads",
        ["tprnfor"] = "forces are always printed",
        ["tstress"] = "stress is always printed",
        ["prefix"] = "one work folder per batch",
        ["outdir"] = "one work folder per batch",
        ["pseudo_dir"] = "calculator.qe.pseudo-dir",
        ["ibrav"] = "each structure's cell, written as CELL_PARAMETERS",
        ["celldm"] = "each structure's cell, written as CELL_PARAMETERS",
        ["a"] = "each structure's cell, written as CELL_PARAMETERS",
        ["b"] = "each structure's cell, written as CELL_PARAMETERS",
        ["c"] = "each structure's cell, written as CELL_PARAMETERS",
        ["cosab"] = "each structure's cell, written as CELL_PARAMETERS",
        ["cosac"] = "each structure's cell, written as CELL_PARAMETERS",
        ["cosbc"] = "each structure's cell, written as CELL_PARAMETERS",
        ["nat"] = "each structure's atoms",
        ["ntyp"] = "each structure's species",
    };

    /// <summary>mixing_beta of &amp;ELECTRONS, or null when the template leaves pw.x's default.</summary>
    public double? MixingBeta => Value("electrons", "mixing_beta") is { } v ? Number(v) : null;

    /// <summary>electron_maxstep of &amp;ELECTRONS, or null when the template leaves pw.x's default.</summary>
    public int? ElectronMaxstep => Value("electrons", "electron_maxstep") is { } v && Number(v) is { } n ? (int)n : null;

    /// <summary>A Fortran number (1.0d-8 as 1.0e-8), or null for text that is not one.</summary>
    public static double? Number(string value) =>
        double.TryParse(value.Replace('d', 'e').Replace('D', 'e'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) ? x : null;

    /// <summary>The value of a key as written (namelist and key in lower case), or null.</summary>
    public string? Value(string namelist, string key) =>
        Namelists.TryGetValue(namelist, out var keys) ? keys.FirstOrDefault(k => k.Key == key)?.Value : null;
}
