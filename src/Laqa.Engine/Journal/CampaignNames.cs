using System.Text;
using System.Text.RegularExpressions;

namespace Laqa.Engine.Journal;

/// <summary>
/// A campaign's name in a shared PostgreSQL database, and the schema that holds its tables
/// (laqa_NAME): restricted to what PostgreSQL takes unquoted, so a DBA can type it as it is.
/// </summary>
public static partial class CampaignNames
{
    public const string Rule = "1 to 50 characters of a-z, 0-9 and _";

    public static bool IsValid(string name) => ValidName().IsMatch(name);

    /// <summary>The default name of a campaign: its folder's name, lower-cased, other characters as _, cut at 50.</summary>
    public static string FromFolder(string folder)
    {
        var leaf = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))).ToLowerInvariant();
        var name = new StringBuilder();
        foreach (var c in leaf) name.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        return name.Length == 0 ? "campaign" : name.ToString(0, Math.Min(50, name.Length));
    }

    public static string SchemaOf(string name) => "laqa_" + name;

    [GeneratedRegex("^[a-z0-9_]{1,50}$")]
    private static partial Regex ValidName();
}
