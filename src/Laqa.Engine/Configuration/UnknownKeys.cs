using Akka.Configuration.Hocon;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Walks the user's laqa { } block against reference.conf: every key must exist there, and a key
/// that is a block in reference.conf must be a block in the user config too. Free-form blocks
/// (calculator pairs and charges, per-pair distances) are not walked.
/// </summary>
internal static class UnknownKeys
{
    public static void Check(HoconValue user, HoconValue reference, string path, IReadOnlySet<string> freeForm, ConfigErrors errors)
    {
        if (freeForm.Contains(path) || !reference.IsObject()) return;
        if (!user.IsObject())
        {
            errors.Add(path, "expected a block { ... }");
            return;
        }
        var known = reference.GetObject().Items;
        foreach (var (key, value) in user.GetObject().Items)
        {
            var childPath = $"{path}.{key}";
            if (known.TryGetValue(key, out var referenceChild))
                Check(value, referenceChild, childPath, freeForm, errors);
            else
                errors.Add(childPath, Retired.GetValueOrDefault(childPath) ?? $"unknown key{DidYouMean.Hint(key, known.Keys)}");
        }
    }

    /// <summary>Keys of earlier versions that now mean something else, with what to do instead.</summary>
    private static readonly Dictionary<string, string> Retired = new()
    {
        ["laqa.persistence.postgresql-connection-string"] = "a connection string is never read from the config file: " +
                                                            "put it in the environment variable that laqa.persistence.postgresql-connection-env names (default LAQA_POSTGRES)",
    };
}
