using Akka.Configuration;
using Laqa.Crystal;
using Laqa.Search;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Reads a campaign from HOCON: the user's config falls back to the embedded config/reference.conf,
/// every key under laqa { } is checked, and all problems are reported together in one
/// LaqaInputException, one "key.path: problem" line each. Keys outside laqa { } (e.g. akka { }) are
/// left to their owners. A relative laqa.calculator.lammps-file is taken from the config file's folder
/// (LoadFile), else from the given base directory, else from the working directory.
/// </summary>
public static class CampaignConfigLoader
{
    private const string Root = "laqa";
    private static readonly HashSet<string> FreeFormBlocks = [
        "laqa.calculator.lennard-jones.pairs", "laqa.calculator.rigid-ion.charges", "laqa.calculator.rigid-ion.pairs", "laqa.generation.min-distance.pairs",
    ];
    private static readonly Lazy<string> ReferenceTextLazy = new(ReadReference);

    /// <summary>The text of config/reference.conf as embedded in this assembly.</summary>
    public static string ReferenceText => ReferenceTextLazy.Value;

    public static Config Reference => ConfigurationFactory.ParseString(ReferenceText);

    public static CampaignSpec LoadFile(string path)
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
        return Load(text, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    public static CampaignSpec Load(string hocon, string? baseDirectory = null)
    {
        Config user;
        try
        {
            user = ConfigurationFactory.ParseString(hocon);
        }
        catch (Exception e)
        {
            throw new LaqaInputException($"campaign config is not valid HOCON: {e.Message}");
        }
        return FromConfig(user, baseDirectory);
    }

    /// <summary>From a parsed user config (which may also hold other sections, e.g. akka { }).</summary>
    public static CampaignSpec FromConfig(Config user, string? baseDirectory = null)
    {
        var errors = new ConfigErrors();
        var reference = Reference;
        if (user.GetValue(Root) is not { } userRoot)
            errors.Add(Root, "missing the laqa { } block");
        else
            UnknownKeys.Check(userRoot, reference.GetValue(Root), Root, FreeFormBlocks, errors);

        var spec = CampaignSpecReader.Read(new ConfigReader(user.WithFallback(reference), errors, user), baseDirectory ?? Directory.GetCurrentDirectory());
        if (errors.Any || spec is null) throw new LaqaInputException(string.Join('\n', errors.Lines));
        return spec;
    }

    private static string ReadReference()
    {
        using var stream = typeof(CampaignConfigLoader).Assembly.GetManifestResourceStream("Laqa.Engine.reference.conf")
            ?? throw new InvalidOperationException("reference.conf is not embedded in Laqa.Engine");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
