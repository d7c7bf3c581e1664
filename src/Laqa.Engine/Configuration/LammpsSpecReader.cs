using System.Security.Cryptography;
using Laqa.Calculators.Lammps;
using Laqa.Crystal;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Reads laqa.calculator.lammps { }. Checked before any candidate exists: the library is installed,
/// units are metal, pair-style and pair-coeff are given, every file exists (hashed with SHA-256; its
/// name in pair-coeff becomes its full path), masses and charges name elements of the composition;
/// then <see cref="CalculatorSpecReader"/> runs LAMMPS once on a cell of the composition, so an
/// unknown pair style or an element the file lacks is LAMMPS's own message.
/// </summary>
internal static class LammpsSpecReader
{
    public const string Path = "laqa.calculator.lammps";

    public static LammpsCalculatorSpec? Read(ConfigReader r, Composition? composition, string baseDirectory)
    {
        if (!File.Exists(LammpsCalculator.LibraryPath))
        {
            r.Errors.Add(Path, $"the LAMMPS library {LammpsCalculator.LibraryPath} is not installed (Debian: apt-get install liblammps0)");
            return null;
        }
        var units = r.String($"{Path}.units", "metal");
        if (units != "metal") r.Errors.Add($"{Path}.units", $"only units metal (eV, Å) is supported, got \"{units}\"");
        var pairStyle = NonEmpty(r, $"{Path}.pair-style", "the pair style and its arguments, e.g. \"eam/alloy\"");
        var files = Files(r, baseDirectory);
        var pairCoeff = PairCoeff(r, files);
        var kspace = r.String($"{Path}.kspace-style", "").Trim();
        if (composition is null)
        {
            r.Errors.Add(Path, "needs laqa.composition: atom types 1, 2, ... are its elements in order");
            return null;
        }
        var masses = Masses(r, composition);
        var charges = Charges(r, composition);
        if (pairStyle is null || pairCoeff is null || files is null || r.Errors.HasAtOrBelow(Path)) return null;
        return new LammpsCalculatorSpec(masses, pairStyle, pairCoeff, new EquatableList<LammpsPotentialFileSpec>(files.Select(f => new LammpsPotentialFileSpec(f.FullPath, f.Sha256))),
            charges, kspace.Length > 0 ? kspace : null);
    }

    private static string? NonEmpty(ConfigReader r, string path, string example)
    {
        var text = r.Scalar(path)?.Trim();
        if (text is null) return null;
        if (text.Length > 0) return text;
        r.Errors.Add(path, $"required: {example}");
        return null;
    }

    private sealed record FileEntry(string Given, string FullPath, string Sha256);

    private static List<FileEntry>? Files(ConfigReader r, string baseDirectory)
    {
        var path = $"{Path}.files";
        var items = r.Node(path) is { } node ? ConfigReader.List(node) : [];
        if (items is null)
        {
            r.Errors.Add(path, "expected a list of potential files, e.g. [\"/usr/share/lammps/potentials/Cu_zhou.eam.alloy\"]");
            return null;
        }
        var files = new List<FileEntry>();
        foreach (var item in items)
        {
            if (!item.IsString() || item.GetString().Trim().Length == 0)
            {
                r.Errors.Add(path, "expected file paths");
                continue;
            }
            var given = item.GetString().Trim();
            var full = System.IO.Path.GetFullPath(given, baseDirectory);
            try
            {
                files.Add(new FileEntry(given, full, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full)))));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                r.Errors.Add(path, $"cannot read {full}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
            }
        }
        return r.Errors.Has(path) ? null : files;
    }

    /// <summary>The pair_coeff lines, each word naming a listed file (as given or by its file name) replaced by the file's full path.</summary>
    private static EquatableList<string>? PairCoeff(ConfigReader r, List<FileEntry>? files)
    {
        var path = $"{Path}.pair-coeff";
        var items = r.Node(path) is { } node ? ConfigReader.List(node) : null;
        if (items is null || items.Count == 0 || items.Any(i => !i.IsString() || i.GetString().Trim().Length == 0))
        {
            r.Errors.Add(path, "expected a list of pair_coeff lines without the command, e.g. [\"* * Cu_zhou.eam.alloy Cu\"]");
            return null;
        }
        string Word(string word) =>
            files?.FirstOrDefault(f => word == f.Given || word == System.IO.Path.GetFileName(f.FullPath)) is { } file
                ? (file.FullPath.Contains(' ') ? $"\"{file.FullPath}\"" : file.FullPath)
                : word;
        return new EquatableList<string>(items.Select(i => string.Join(' ', i.GetString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(Word))));
    }

    private static EquatableList<LammpsMassSpec> Masses(ConfigReader r, Composition composition)
    {
        var path = $"{Path}.masses";
        var given = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (element, value) in r.Block(path))
        {
            var key = $"{path}.{element}";
            if (!composition.Symbols.Contains(element)) r.Errors.Add(key, $"{element} is not in laqa.composition ({string.Join(" ", composition.Symbols)})");
            else if (!value.IsString() || ConfigReader.List(value) is not null) r.Errors.Add(key, "expected a mass in u");
            else
            {
                var mass = r.ParseDouble(key, value.GetString(), double.NaN, min: 0, minExclusive: true, max: 1e4);
                if (!double.IsNaN(mass)) given[element] = mass;
            }
        }
        return new EquatableList<LammpsMassSpec>(composition.Symbols.Select(s => new LammpsMassSpec(s, given.TryGetValue(s, out var m) ? m : Elements.Get(s).Mass)));
    }

    private static EquatableList<IonChargeSpec>? Charges(ConfigReader r, Composition composition)
    {
        var path = $"{Path}.charges";
        var block = r.Block(path);
        if (block.Count == 0) return null;
        var charges = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (element, value) in block)
        {
            var key = $"{path}.{element}";
            if (!composition.Symbols.Contains(element)) r.Errors.Add(key, $"{element} is not in laqa.composition ({string.Join(" ", composition.Symbols)})");
            else if (!value.IsString() || ConfigReader.List(value) is not null) r.Errors.Add(key, "expected a charge in units of e");
            else
            {
                var charge = r.ParseDouble(key, value.GetString(), double.NaN, max: CampaignLimits.Charge);
                if (!double.IsNaN(charge)) charges[element] = charge;
            }
        }
        foreach (var element in composition.Symbols.Where(s => !charges.ContainsKey(s) && !r.Errors.Has($"{path}.{s}")))
            r.Errors.Add(path, $"no charge for {element}: with charges, give one per element of laqa.composition");
        return new EquatableList<IonChargeSpec>(composition.Symbols.Where(charges.ContainsKey).Select(s => new IonChargeSpec(s, charges[s])));
    }
}
