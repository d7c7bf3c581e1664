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
/// the keys laqa writes itself.
/// </summary>
internal static class QeSpecReader
{
    public const string Path = "laqa.calculator.qe";
    private const string KeepFilesPath = "laqa.calculator.keep-files";

    private static readonly string[] Smearings =
        ["gaussian", "gauss", "methfessel-paxton", "m-p", "mp", "marzari-vanderbilt", "cold", "m-v", "mv", "fermi-dirac", "f-d", "fd"];

    public static QeCalculatorSpec? Read(ConfigReader r, Composition? composition, string baseDirectory)
    {
        var command = Command(r, $"{Path}.command", allowEmpty: false);
        var mpi = Command(r, $"{Path}.mpi-command", allowEmpty: true);
        var pseudoDir = PseudoDir(r, baseDirectory);
        var pseudopotentials = Pseudopotentials(r, pseudoDir, composition);
        var ecutwfc = r.Double($"{Path}.ecutwfc", 30, min: 0, minExclusive: true, max: 1e4);
        var ecutrho = OptionalDouble(r, $"{Path}.ecutrho", max: 1e5);
        var (kSpacing, kPoints) = KPoints(r);
        var smearing = r.String($"{Path}.smearing", "");
        if (smearing.Length > 0 && !Smearings.Contains(smearing))
            r.Errors.Add($"{Path}.smearing", $"unknown smearing \"{smearing}\"{DidYouMean.Hint(smearing, Smearings)}; expected \"\" (fixed occupations) or one of {string.Join(", ", Smearings)}");
        var degauss = r.Double($"{Path}.degauss", 0.01, min: 0, minExclusive: true, max: 10);
        var mixingBeta = r.Double($"{Path}.mixing-beta", 0.7, min: 0, minExclusive: true, max: 1);
        var maxstep = r.Int($"{Path}.electron-maxstep", 1, 100, max: 100000);
        var extra = Extra(r);
        var keep = r.Enum(KeepFilesPath, KeepFiles.All);
        if (command is null || mpi is null || pseudoDir is null || pseudopotentials is null || r.Errors.HasAtOrBelow(Path)) return null;
        return new QeCalculatorSpec(new EquatableList<string>(command), new EquatableList<string>(mpi), pseudoDir, pseudopotentials, ecutwfc, ecutrho,
            kSpacing, kPoints, smearing.Length > 0 ? smearing : null, degauss, mixingBeta, maxstep, extra, keep.ToString().ToLowerInvariant());
    }

    /// <summary>A command line split at spaces whose program is on PATH (or an existing file when it holds a /).</summary>
    private static string[]? Command(ConfigReader r, string path, bool allowEmpty)
    {
        var text = r.Scalar(path);
        if (text is null) return null;
        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            if (allowEmpty) return [];
            r.Errors.Add(path, "empty: give the program, e.g. \"pw.x\"");
            return null;
        }
        if (!IsProgram(words[0]))
        {
            r.Errors.Add(path, $"{words[0]} is {(words[0].Contains('/') ? "not an existing file" : "not on PATH")} (Debian: apt-get install quantum-espresso)");
            return null;
        }
        return words;
    }

    /// <summary>Whether a program exists: a file when it holds a /, else on PATH.</summary>
    internal static bool IsProgram(string program) =>
        program.Contains('/')
            ? File.Exists(program)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(System.IO.Path.Combine(dir, program)));

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

    private static (double? Spacing, EquatableList<int>? Mesh) KPoints(ConfigReader r)
    {
        var spacingPath = $"{Path}.k-spacing";
        var meshPath = $"{Path}.k-points";
        if (r.IsGiven(spacingPath) && r.IsGiven(meshPath))
        {
            r.Errors.Add(Path, "give k-spacing or k-points, not both");
            return (null, null);
        }
        if (!r.IsGiven(meshPath)) return (r.Double(spacingPath, 0.5, min: 0, minExclusive: true, max: 100), null);
        var items = r.Node(meshPath) is { } node ? ConfigReader.List(node) : null;
        var mesh = items?.Select(v => v.IsString() && int.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000 ? n : 0).ToArray();
        if (mesh is not { Length: 3 } || mesh.Contains(0))
        {
            r.Errors.Add(meshPath, "expected three positive integers, e.g. [2, 2, 2]");
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
