using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Laqa.Calculators.Ase;
using Laqa.Crystal;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Reads laqa.calculator.ase { }: the interpreter (on PATH or an existing file), exactly one of
/// calculator ("module:Name") and calculator-file (read and hashed with SHA-256), and the arguments.
/// Then <see cref="Probe"/> starts the bridge once, before any candidate exists: Python must import
/// and build the calculator and evaluate a small cell of the composition's species.
/// </summary>
internal static partial class AseSpecReader
{
    public const string Path = "laqa.calculator.ase";
    private const string PythonPath = Path + ".python";
    private const string CalculatorPath = Path + ".calculator";
    private const string FilePath = Path + ".calculator-file";
    private const string ArgumentsPath = Path + ".arguments";

    /// <summary>Spacing (Å) of the probe cell's simple cubic grid: one atom per species, apart enough for any potential.</summary>
    private const double ProbeSpacing = 3.0;

    public static AseCalculatorSpec? Read(ConfigReader r, string baseDirectory)
    {
        var python = r.String(PythonPath, "python3").Trim();
        if (python.Length == 0) r.Errors.Add(PythonPath, "empty: give the Python interpreter that has ASE, e.g. \"/usr/bin/python3\"");
        else if (!ExternalCommand.IsProgram(python))
            r.Errors.Add(PythonPath, $"{python} is {(python.Contains('/') ? "not an existing file" : "not on PATH")} (Debian: apt-get install python3-ase)");

        var calculatorGiven = r.IsGiven(CalculatorPath) && r.String(CalculatorPath, "").Length > 0;
        var fileGiven = r.IsGiven(FilePath) && r.String(FilePath, "").Length > 0;
        string? calculator = null, file = null, source = null, sha256 = null;
        if (calculatorGiven == fileGiven)
            r.Errors.Add(Path, calculatorGiven
                ? "give calculator or calculator-file, not both"
                : "give calculator = \"module:Name\" (e.g. \"ase.calculators.emt:EMT\") or calculator-file = \"a Python file defining make_calculator()\"");
        else if (calculatorGiven)
        {
            calculator = r.String(CalculatorPath, "").Trim();
            if (!ModuleAndName().IsMatch(calculator))
                r.Errors.Add(CalculatorPath, $"expected \"module:Name\", a class or function of a Python module, e.g. \"ase.calculators.emt:EMT\", got \"{calculator}\"");
        }
        else (file, source, sha256) = ReadFile(r, baseDirectory);

        var arguments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in r.Block(ArgumentsPath))
        {
            if (!PythonName().IsMatch(key)) r.Errors.Add($"{ArgumentsPath}.{key}", "not a Python keyword argument name");
            else if (!value.IsString() || ConfigReader.List(value) is not null)
                r.Errors.Add($"{ArgumentsPath}.{key}", "expected a single value: a number, true/false or a string");
            else arguments[key] = value.GetString();
        }
        if (r.Errors.HasAtOrBelow(Path)) return null;
        return new AseCalculatorSpec(python, calculator, file, source, sha256,
            new EquatableList<AseArgumentSpec>(arguments.Select(a => new AseArgumentSpec(a.Key, a.Value))));
    }

    private static (string?, string?, string?) ReadFile(ConfigReader r, string baseDirectory)
    {
        var full = System.IO.Path.GetFullPath(r.String(FilePath, "").Trim(), baseDirectory);
        try
        {
            var bytes = File.ReadAllBytes(full);
            using var text = new StreamReader(new MemoryStream(bytes));
            return (full, text.ReadToEnd(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            r.Errors.Add(FilePath, $"cannot read {full}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
            return (null, null, null);
        }
    }

    /// <summary>
    /// Builds the calculator in Python and evaluates one atom of each of the composition's species
    /// (when there is a composition); a failure is one error at the key that names the calculator.
    /// </summary>
    public static void Probe(ConfigReader r, AseCalculatorSpec spec, Composition? composition)
    {
        var key = spec.Calculator is not null ? CalculatorPath : FilePath;
        AseBridgeProcess bridge;
        try
        {
            bridge = AseBridgeProcess.Start(CampaignCalculator.AseSettings(spec));
        }
        catch (AseBridgeException e)
        {
            r.Errors.Add(key, e.Message);
            return;
        }
        using (bridge)
        {
            if (composition is null) return;
            var probe = ProbeCell([.. composition.Symbols]);
            var result = bridge.Evaluate(probe);
            if (!result.Succeeded)
                r.Errors.Add(key, $"fails on a test cell of {probe.Formula()} (one atom per species, {ProbeSpacing} Å apart): {result.Failure}");
        }
    }

    private static Structure ProbeCell(IReadOnlyList<string> species)
    {
        var side = (int)Math.Ceiling(Math.Cbrt(species.Count) - 1e-9);
        var fractional = Enumerable.Range(0, species.Count).Select(i => new Vec3(i % side, i / side % side, i / (side * side)) / side);
        return new Structure(Lattice.Cubic(ProbeSpacing * side), species, fractional);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex ModuleAndName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PythonName();
}
