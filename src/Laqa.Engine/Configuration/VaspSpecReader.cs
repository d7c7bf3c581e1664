using System.Security.Cryptography;
using Laqa.Calculators.External;
using Laqa.Calculators.Vasp;
using Laqa.Crystal;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Reads laqa.calculator.vasp { } and laqa.calculator.keep-files. Checked before any candidate exists:
/// the programs are on PATH, potcar-dir exists and holds potcar-dir/&lt;subfolder&gt;/POTCAR for every
/// element of the composition (the subfolder from potcars { }, by default the element's symbol; each
/// hashed with SHA-256), the INCAR template can be read (hashed too) and leaves alone the keys laqa
/// writes (IBRION, ISIF, NSW, PSTRESS: refused, not overridden), the k-spacing is positive and the
/// energy is e_fr_energy or e_0_energy.
/// </summary>
internal static class VaspSpecReader
{
    public const string Path = "laqa.calculator.vasp";
    private const string Install = "VASP is licensed and not packaged: give the path of your vasp_std";

    public static VaspCalculatorSpec? Read(ConfigReader r, Composition? composition, string baseDirectory)
    {
        var command = ExternalCommand.Read(r, $"{Path}.command", allowEmpty: false, "vasp_std", Install);
        var mpi = ExternalCommand.Read(r, $"{Path}.mpi-command", allowEmpty: true, "mpirun -np 4", "Debian: apt-get install openmpi-bin");
        var potcarDir = PotcarDir(r, baseDirectory);
        var potcars = Potcars(r, potcarDir, composition);
        var template = Template(r, baseDirectory);
        var kSpacing = r.Double($"{Path}.k-spacing", 0.5, min: QeSpecReader.MinKSpacing, max: 100);
        var energy = r.String($"{Path}.energy", VaspCalculatorSpec.FreeEnergy);
        string[] energies = [VaspCalculatorSpec.FreeEnergy, VaspCalculatorSpec.SigmaZeroEnergy];
        if (!energies.Contains(energy))
            r.Errors.Add($"{Path}.energy", $"unknown value \"{energy}\"{DidYouMean.Hint(energy, energies)}; expected {string.Join(" or ", energies)}");
        var keep = r.Enum(QeSpecReader.KeepFilesPath, KeepFiles.All);
        if (command is null || mpi is null || potcarDir is null || potcars is null || template is null || r.Errors.HasAtOrBelow(Path)) return null;
        return new VaspCalculatorSpec(new EquatableList<string>(command), new EquatableList<string>(mpi), potcarDir, potcars,
            template.Value.Path, template.Value.Text, template.Value.Sha256, kSpacing, energy, keep.ToString().ToLowerInvariant());
    }

    private static string? PotcarDir(ConfigReader r, string baseDirectory)
    {
        var path = $"{Path}.potcar-dir";
        var text = r.Scalar(path);
        if (text is null) return null;
        if (text.Length == 0)
        {
            r.Errors.Add(path, "missing: give the folder that holds a subfolder with a POTCAR per element, e.g. \"/opt/vasp/potpaw_PBE\"");
            return null;
        }
        var full = System.IO.Path.GetFullPath(text, baseDirectory);
        if (Directory.Exists(full)) return full;
        r.Errors.Add(path, $"folder {full} does not exist");
        return null;
    }

    /// <summary>The POTCAR of every element named in potcars { } or in the composition (subfolder: the element's symbol unless given).</summary>
    private static EquatableList<PotcarSpec>? Potcars(ConfigReader r, string? potcarDir, Composition? composition)
    {
        var path = $"{Path}.potcars";
        var subfolders = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (element, value) in r.Block(path))
        {
            var key = $"{path}.{element}";
            if (!Elements.TryGet(element, out _)) r.Errors.Add(key, $"unknown element \"{element}\"");
            else if (!value.IsString() || ConfigReader.List(value) is not null || value.GetString().Trim().Length == 0)
                r.Errors.Add(key, $"expected the name of a subfolder of potcar-dir, e.g. {element} = {element}_pv");
            else subfolders[element] = value.GetString().Trim();
        }
        foreach (var element in composition?.Symbols ?? [])
            if (!r.Errors.Has($"{path}.{element}")) subfolders.TryAdd(element, element);
        if (potcarDir is null) return null;

        var found = new List<PotcarSpec>();
        foreach (var (element, subfolder) in subfolders)
        {
            var file = PotcarBuilder.PathOf(potcarDir, subfolder);
            try
            {
                found.Add(new PotcarSpec(element, subfolder, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var missing = e is FileNotFoundException or DirectoryNotFoundException;
                r.Errors.Add($"{path}.{element}", $"no POTCAR for {element}: cannot read {file}: {(missing ? "no such file" : e.Message)}{(missing ? $" (give its subfolder of potcar-dir, e.g. {element} = {element}_pv)" : "")}");
            }
        }
        return r.Errors.HasAtOrBelow(path) ? null : new EquatableList<PotcarSpec>(found);
    }

    /// <summary>The INCAR template (none when ""): its full path, text and SHA-256, refused when it sets a key laqa writes.</summary>
    private static (string Path, string Text, string Sha256)? Template(ConfigReader r, string baseDirectory)
    {
        var path = $"{Path}.incar-template";
        var text = r.Scalar(path);
        if (text is null) return null;
        if (text.Length == 0) return ("", "", Convert.ToHexStringLower(SHA256.HashData([])));
        var full = System.IO.Path.GetFullPath(text, baseDirectory);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            r.Errors.Add(path, $"cannot read {full}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
            return null;
        }
        using var reader = new StreamReader(new MemoryStream(bytes));
        var template = reader.ReadToEnd();
        var reserved = IncarWriter.ReservedKeysIn(template);
        if (reserved.Count > 0)
        {
            r.Errors.Add(path, $"{full} sets {string.Join(", ", reserved)}, which laqa writes itself (IBRION = 2, ISIF = 3, NSW = the batch's steps, PSTRESS = the relaxer's pressure): remove {(reserved.Count == 1 ? "it" : "them")}");
            return null;
        }
        return (full, template, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
