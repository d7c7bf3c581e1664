using System.Globalization;
using System.Security.Cryptography;
using Laqa.Calculators.External;
using Laqa.Calculators.Qe;
using Laqa.Crystal;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Reads laqa.calculator.qe { } and laqa.calculator.keep-files. Checked before any candidate exists:
/// the programs are on PATH, the pseudo folder exists, every element of the composition has a
/// pseudopotential file that exists there (hashed with SHA-256), cutoffs and widths are positive,
/// k-spacing and k-points are not both given, and extra keys go to a known namelist and leave alone
/// the keys laqa writes itself. A template (template = "pw-template.in", relative to the config's
/// folder) is read and checked here too (<see cref="PwTemplateReader"/>), and keys it replaces are refused.
/// </summary>
internal static class QeSpecReader
{
    public const string Path = "laqa.calculator.qe";
    public const string KeepFilesPath = "laqa.calculator.keep-files";
    private const string Install = "Debian: apt-get install quantum-espresso";

    private static readonly string[] Smearings =
        ["gaussian", "gauss", "methfessel-paxton", "m-p", "mp", "marzari-vanderbilt", "cold", "m-v", "mv", "fermi-dirac", "f-d", "fd"];

    public static QeCalculatorSpec? Read(ConfigReader r, Composition? composition, string baseDirectory)
    {
        var command = ExternalCommand.Read(r, $"{Path}.command", allowEmpty: false, "pw.x", Install);
        var mpi = ExternalCommand.Read(r, $"{Path}.mpi-command", allowEmpty: true, "pw.x", Install);
        var pseudoDir = PseudoDir(r, baseDirectory);
        var keep = r.Enum(KeepFilesPath, KeepFiles.All);
        var template = Template(r, baseDirectory);
        if (r.Errors.Has($"{Path}.template")) return null;
        if (template is not null)
            return ReadWithTemplate(r, composition, template.Value.Spec, template.Value.Template, command, mpi, pseudoDir, keep);
        var pseudopotentials = Pseudopotentials(r, pseudoDir, composition);
        var ecutwfc = r.Double($"{Path}.ecutwfc", 30, min: 0, minExclusive: true, max: 1e4);
        var ecutrho = OptionalDouble(r, $"{Path}.ecutrho", max: 1e5);
        // pw.x stops at its first step otherwise ("ecutrho <= ecutwfc?!?"), which would fail every candidate.
        if (ecutrho is { } rho && rho <= ecutwfc && !r.Errors.Has($"{Path}.ecutwfc"))
            r.Errors.Add($"{Path}.ecutrho", $"must be greater than ecutwfc ({ecutwfc.ToString(CultureInfo.InvariantCulture)}), got {rho.ToString(CultureInfo.InvariantCulture)}; \"\" leaves pw.x's 4 × ecutwfc");
        var (kSpacing, kPoints) = KPoints(r);
        var smearing = r.String($"{Path}.smearing", "");
        if (smearing.Length > 0 && !Smearings.Contains(smearing))
            r.Errors.Add($"{Path}.smearing", $"unknown smearing \"{smearing}\"{DidYouMean.Hint(smearing, Smearings)}; expected \"\" (fixed occupations) or one of {string.Join(", ", Smearings)}");
        var degauss = r.Double($"{Path}.degauss", 0.01, min: 0, minExclusive: true, max: 10);
        var mixingBeta = r.Double($"{Path}.mixing-beta", 0.7, min: 0, minExclusive: true, max: 1);
        var maxstep = r.Int($"{Path}.electron-maxstep", 1, 100, max: 100000);
        var extra = Extra(r);
        if (command is null || mpi is null || pseudoDir is null || pseudopotentials is null || r.Errors.HasAtOrBelow(Path)) return null;
        return new QeCalculatorSpec(new EquatableList<string>(command), new EquatableList<string>(mpi), pseudoDir, pseudopotentials, ecutwfc, ecutrho,
            kSpacing, kPoints, smearing.Length > 0 ? smearing : null, degauss, mixingBeta, maxstep, extra, keep.ToString().ToLowerInvariant());
    }

    /// <summary>
    /// With a template the namelists come from it: the keys that would set the same namelist keys are
    /// refused; pseudopotentials come from its ATOMIC_SPECIES if it has that card (then not here), and
    /// k-points from its K_POINTS if it has that card (then neither k-spacing nor k-points here).
    /// </summary>
    private static QeCalculatorSpec? ReadWithTemplate(ConfigReader r, Composition? composition, QeTemplateSpec spec, PwTemplate template,
        string[]? command, string[]? mpi, string? pseudoDir, KeepFiles keep)
    {
        foreach (var key in TemplateKeys.Where(k => r.IsGiven($"{Path}.{k}")))
            r.Errors.Add($"{Path}.{key}", $"not with template = \"{spec.Path}\": give it in the template's namelists");
        var pseudopotentials = template.Species is null ? Pseudopotentials(r, pseudoDir, composition) : TemplatePseudopotentials(r, spec.Path, template.Species, pseudoDir, composition);
        (double? Spacing, EquatableList<int>? Mesh) k = (null, null);
        if (template.KPoints is null) k = KPoints(r);
        else
            foreach (var key in new[] { "k-spacing", "k-points" }.Where(key => r.IsGiven($"{Path}.{key}")))
                r.Errors.Add($"{Path}.{key}", $"not with template = \"{spec.Path}\", which has K_POINTS");
        if (command is null || mpi is null || pseudoDir is null || pseudopotentials is null || r.Errors.HasAtOrBelow(Path)) return null;
        return new QeCalculatorSpec(new EquatableList<string>(command), new EquatableList<string>(mpi), pseudoDir, pseudopotentials,
            PwTemplate.Number(template.Value("system", "ecutwfc")!)!.Value, null, k.Spacing, k.Mesh, null, 0.01,
            template.MixingBeta ?? DefaultMixingBeta, template.ElectronMaxstep ?? DefaultElectronMaxstep, new EquatableList<QeExtraKeySpec>([]),
            keep.ToString().ToLowerInvariant(), spec);
    }

    /// <summary>The calculator.qe keys a template replaces.</summary>
    private static readonly string[] TemplateKeys = ["ecutwfc", "ecutrho", "smearing", "degauss", "mixing-beta", "electron-maxstep", "extra"];

    /// <summary>pw.x's own defaults, used when a template leaves them out.</summary>
    private const double DefaultMixingBeta = 0.7;
    private const int DefaultElectronMaxstep = 100;

    /// <summary>The template file (relative to the config's folder), read, hashed and parsed; null when none is given or it cannot be used (with an error).</summary>
    private static (QeTemplateSpec Spec, PwTemplate Template)? Template(ConfigReader r, string baseDirectory)
    {
        var path = $"{Path}.template";
        var text = r.Scalar(path);
        if (text is null || text.Length == 0) return null;
        var full = System.IO.Path.GetFullPath(text, baseDirectory);
        try
        {
            var bytes = File.ReadAllBytes(full);
            using var reader = new StreamReader(new MemoryStream(bytes));
            var contents = reader.ReadToEnd();
            var template = PwTemplateReader.Parse(contents, full);
            return (new QeTemplateSpec(full, contents, Convert.ToHexStringLower(SHA256.HashData(bytes))), template);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            r.Errors.Add(path, $"cannot read {full}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
        }
        catch (PwTemplateException e)
        {
            r.Errors.Add(path, e.Message);
        }
        // A template that cannot be used: the keys it would replace are not reported on top of it.
        return null;
    }

    /// <summary>The template's ATOMIC_SPECIES files for the composition's elements, each hashed from pseudo-dir.</summary>
    private static EquatableList<PseudopotentialSpec>? TemplatePseudopotentials(ConfigReader r, string templatePath, IReadOnlyDictionary<string, string> species,
        string? pseudoDir, Composition? composition)
    {
        var path = $"{Path}.template";
        if (r.IsGiven($"{Path}.pseudopotentials"))
        {
            r.Errors.Add($"{Path}.pseudopotentials", $"not with template = \"{templatePath}\", which has ATOMIC_SPECIES");
            return null;
        }
        var found = new List<PseudopotentialSpec>();
        foreach (var element in composition?.Symbols.Order(StringComparer.Ordinal) ?? species.Keys.Order(StringComparer.Ordinal))
        {
            if (!species.TryGetValue(element, out var line))
            {
                r.Errors.Add(path, $"{templatePath}: ATOMIC_SPECIES has no line for {element}");
                return null;
            }
            var file = line.Split(' ')[2];
            var full = System.IO.Path.Combine(pseudoDir ?? "", file);
            try
            {
                if (pseudoDir is not null) found.Add(new PseudopotentialSpec(element, file, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full)))));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                r.Errors.Add(path, $"{templatePath}: ATOMIC_SPECIES {element}: cannot read {full}: {(e is FileNotFoundException ? "no such file" : e.Message)}");
                return null;
            }
        }
        return new EquatableList<PseudopotentialSpec>(found);
    }

    private static string? PseudoDir(ConfigReader r, string baseDirectory)
    {
        var path = $"{Path}.pseudo-dir";
        var text = r.Scalar(path);
        if (text is null) return null;
        var full = System.IO.Path.GetFullPath(text, baseDirectory);
        if (Directory.Exists(full)) return full;
        r.Errors.Add(path, $"folder {full} does not exist");
        return null;
    }

    private static EquatableList<PseudopotentialSpec>? Pseudopotentials(ConfigReader r, string? pseudoDir, Composition? composition)
    {
        var path = $"{Path}.pseudopotentials";
        var found = new SortedDictionary<string, PseudopotentialSpec>(StringComparer.Ordinal);
        foreach (var (element, value) in r.Block(path))
        {
            var key = $"{path}.{element}";
            if (!Elements.TryGet(element, out _)) r.Errors.Add(key, $"unknown element \"{element}\"");
            else if (!value.IsString() || ConfigReader.List(value) is not null || value.GetString().Length == 0)
                r.Errors.Add(key, "expected the name of a file in pseudo-dir, e.g. \"Si.pz-vbc.UPF\"");
            else if (pseudoDir is not null)
            {
                var file = System.IO.Path.Combine(pseudoDir, value.GetString());
                try
                {
                    found[element] = new PseudopotentialSpec(element, value.GetString(), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    r.Errors.Add(key, $"cannot read {file}: {(e is FileNotFoundException ? "no such file" : e.Message)}");
                }
            }
        }
        if (composition is not null && pseudoDir is not null)
            foreach (var element in composition.Symbols.Where(s => !found.ContainsKey(s) && !r.Errors.Has($"{path}.{s}")))
                r.Errors.Add(path, $"no pseudopotential for {element}, e.g. {element} = \"{element}.pz-vbc.UPF\"");
        return r.Errors.HasAtOrBelow(path) ? null : new EquatableList<PseudopotentialSpec>(found.Values);
    }

    /// <summary>An optional positive number: "" (the reference's default) means none.</summary>
    private static double? OptionalDouble(ConfigReader r, string path, double max)
    {
        var text = r.Scalar(path);
        if (text is null || text.Length == 0) return null;
        var value = r.ParseDouble(path, text, double.NaN, min: 0, minExclusive: true, max: max);
        return double.IsNaN(value) ? null : value;
    }

    /// <summary>Most k-points along one reciprocal axis of a fixed mesh.</summary>
    private const int MaxKPointsPerAxis = 1000;

    /// <summary>Finest k-spacing (Å⁻¹, with the 2π): far below any converged setting (0.1–0.5), coarse enough that a mesh stays finite (pw.x and VASP allocate it whole).</summary>
    public const double MinKSpacing = 0.01;

    private static (double? Spacing, EquatableList<int>? Mesh) KPoints(ConfigReader r)
    {
        var spacingPath = $"{Path}.k-spacing";
        var meshPath = $"{Path}.k-points";
        if (r.IsGiven(spacingPath) && r.IsGiven(meshPath))
        {
            r.Errors.Add(Path, "give k-spacing or k-points, not both");
            return (null, null);
        }
        if (!r.IsGiven(meshPath)) return (r.Double(spacingPath, 0.5, min: MinKSpacing, max: 100), null);
        var items = r.Node(meshPath) is { } node ? ConfigReader.List(node) : null;
        var mesh = items?.Select(v => v.IsString() && int.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxKPointsPerAxis ? n : 0).ToArray();
        if (mesh is not { Length: 3 } || mesh.Contains(0))
        {
            r.Errors.Add(meshPath, $"expected three integers from 1 to {MaxKPointsPerAxis}, e.g. [2, 2, 2]");
            return (null, null);
        }
        return (null, new EquatableList<int>(mesh));
    }

    private static EquatableList<QeExtraKeySpec> Extra(ConfigReader r)
    {
        var path = $"{Path}.extra";
        var keys = new List<QeExtraKeySpec>();
        foreach (var (namelist, block) in r.Block(path))
        {
            var namelistPath = $"{path}.{namelist}";
            if (!QeSettings.Namelists.Contains(namelist))
            {
                r.Errors.Add(namelistPath, $"unknown namelist{DidYouMean.Hint(namelist, QeSettings.Namelists)}; expected one of {string.Join(", ", QeSettings.Namelists)}");
                continue;
            }
            if (!block.IsObject())
            {
                r.Errors.Add(namelistPath, "expected a block of pw.x keys, e.g. { nosym = true }");
                continue;
            }
            foreach (var (key, value) in block.GetObject().Items)
            {
                var keyPath = $"{namelistPath}.{key}";
                if (QeSettings.ReservedKeys.Contains(key.ToLowerInvariant()))
                    r.Errors.Add(keyPath, "set by laqa (from the structure, the batch or the other calculator.qe settings); not accepted here");
                else if (!value.IsString() || ConfigReader.List(value) is not null)
                    r.Errors.Add(keyPath, "expected a single value");
                else
                    keys.Add(new QeExtraKeySpec(namelist, key, Fortran(value.GetString())));
            }
        }
        return new EquatableList<QeExtraKeySpec>(keys.OrderBy(k => k.Namelist, StringComparer.Ordinal).ThenBy(k => k.Key, StringComparer.Ordinal));
    }

    /// <summary>true/false as Fortran logicals, numbers as written, anything else as a quoted string.</summary>
    private static string Fortran(string value) => value switch
    {
        "true" => ".true.",
        "false" => ".false.",
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => value,
        _ => $"'{value.Replace("'", "''")}'",
    };
}
