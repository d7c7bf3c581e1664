using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using Laqa.Crystal;
using Laqa.Search;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Reads a campaign from HOCON: the user's config falls back to the embedded config/reference.conf,
/// every key under laqa { } is checked, and all problems are reported together in one
/// LaqaInputException, one "key.path: problem" line each. The text is checked strictly first (HoconSyntax):
/// a syntax error is one line naming the file and line. Keys outside laqa { } (e.g. akka { }) are
/// left to their owners. An include "file" and a relative laqa.calculator.lammps-file or qe.pseudo-dir are taken from the config file's folder
/// (LoadFile), else from the given base directory, else from the working directory.
/// </summary>
public static class CampaignConfigLoader
{
    private const string Root = "laqa";
    private static readonly HashSet<string> FreeFormBlocks = [
        "laqa.calculator.lennard-jones.pairs", "laqa.calculator.rigid-ion.charges", "laqa.calculator.rigid-ion.pairs", "laqa.generation.min-distance.pairs",
        "laqa.calculator.qe.pseudopotentials", "laqa.calculator.qe.extra", "laqa.calculator.vasp.potcars", "laqa.calculator.ase.arguments",
        "laqa.calculator.lammps.masses", "laqa.calculator.lammps.charges",
    ];
    private static readonly Lazy<string> ReferenceTextLazy = new(ReadReference);

    /// <summary>The text of config/reference.conf as embedded in this assembly.</summary>
    public static string ReferenceText => ReferenceTextLazy.Value;

    public static Config Reference => ConfigurationFactory.ParseString(ReferenceText);

    /// <summary>A campaign from a config file; <paramref name="appendedText"/> (e.g. a composition) is read after the file's own lines.</summary>
    public static CampaignSpec LoadFile(string path, string appendedText = "")
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LaqaInputException($"cannot read campaign config {path}: {e.Message}");
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return FromConfig(new Config(Parse(text + appendedText, path, directory, [Path.GetFullPath(path)])), path, directory);
    }

    /// <summary>A campaign from HOCON text; an include and a relative lammps-file are taken from <paramref name="baseDirectory"/> (default: the working directory).</summary>
    public static CampaignSpec Load(string hocon, string? baseDirectory = null)
    {
        var directory = baseDirectory ?? Directory.GetCurrentDirectory();
        return FromConfig(new Config(Parse(hocon, "campaign config", directory, [])), "the campaign config", directory);
    }

    /// <summary>Checks the syntax strictly (HoconSyntax), then parses; includes are read from <paramref name="directory"/>.</summary>
    private static HoconRoot Parse(string text, string source, string directory, ImmutableHashSet<string> including)
    {
        var checkedText = HoconSyntax.Check(text, source);
        try
        {
            return Parser.Parse(checkedText, name => Include(name, text, source, directory, including));
        }
        catch (Exception e) when (e is not LaqaInputException)
        {
            var message = e.Message.Split('\n')[0].Trim().TrimEnd(':');
            var position = Regex.Match(message, @" at position (\d+)$");
            return position.Success
                ? throw new LaqaInputException($"{source}, line {HoconSyntax.LineOf(checkedText, int.Parse(position.Groups[1].Value, CultureInfo.InvariantCulture))}: {message[..position.Index]}")
                : throw new LaqaInputException($"{source}: not valid HOCON: {message}");
        }
    }

    private static HoconRoot Include(string name, string text, string source, string directory, ImmutableHashSet<string> including)
    {
        var line = Regex.Match(text, $@"^\s*include\s+""{Regex.Escape(name)}""", RegexOptions.Multiline) is { Success: true } m
            ? $", line {HoconSyntax.LineOf(text, m.Index + m.Length)}"
            : "";
        var path = Path.GetFullPath(name, directory);
        if (including.Contains(path)) throw new LaqaInputException($"{source}{line}: include \"{name}\" includes {path} within itself");
        if (Directory.Exists(path)) throw new LaqaInputException($"{source}{line}: include \"{name}\": {path} is a folder, not a config file");
        string included;
        try
        {
            included = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LaqaInputException($"{source}{line}: include \"{name}\": cannot read {path}: {e.Message}");
        }
        return Parse(included, path, Path.GetDirectoryName(path)!, including.Add(path));
    }

    /// <summary>From a parsed user config (which may also hold other sections, e.g. akka { }) read from <paramref name="source"/>.</summary>
    private static CampaignSpec FromConfig(Config user, string source, string? baseDirectory = null)
    {
        var errors = new ConfigErrors();
        var reference = Reference;
        if (user.GetValue(Root) is not { } userRoot)
            throw new LaqaInputException($"{source}: no laqa {{ }} block (a campaign's settings go inside laqa {{ ... }})");
        UnknownKeys.Check(userRoot, reference.GetValue(Root), Root, FreeFormBlocks, errors);
        // The readers take a value's text as given: with a null among them they would read a default or fail.
        if (NullValues.Check(userRoot, Root, errors)) throw new LaqaInputException(string.Join('\n', errors.Lines));

        var directory = baseDirectory ?? Directory.GetCurrentDirectory();
        var spec = CampaignSpecReader.Read(new ConfigReader(user.WithFallback(reference), errors, user), directory);
        if (errors.Any || spec is null) throw new LaqaInputException(string.Join('\n', errors.Lines));
        return spec with { SourceText = HoconText.Render(user.Root), SourceDirectory = directory };
    }

    private static string ReadReference()
    {
        using var stream = typeof(CampaignConfigLoader).Assembly.GetManifestResourceStream("Laqa.Engine.reference.conf")
            ?? throw new InvalidOperationException("reference.conf is not embedded in Laqa.Engine");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
