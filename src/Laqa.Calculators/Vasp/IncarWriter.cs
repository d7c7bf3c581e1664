using System.Globalization;
using System.Text;

namespace Laqa.Calculators.Vasp;

/// <summary>
/// Writes an INCAR: the user's template lines as they are, then the keys laqa sets for the run (the
/// relaxation: IBRION, ISIF, NSW, PSTRESS). A template that sets one of those keys is refused when
/// the config is read (<see cref="ReservedKeysIn"/>): VASP would silently take one of two values.
/// </summary>
public static class IncarWriter
{
    /// <summary>Keys laqa writes itself, per batch or from the relaxation: not accepted in the template.</summary>
    public static readonly IReadOnlyList<string> ReservedKeys = ["IBRION", "ISIF", "NSW", "PSTRESS"];

    /// <summary>A relaxation of atoms and cell (ISIF = 3) by conjugate gradients (IBRION = 2) for at most Steps ionic steps at PressureKbar.</summary>
    public sealed record Relaxation(int Steps, double PressureKbar);

    /// <summary>The INCAR text: the template, then IBRION, ISIF, NSW, PSTRESS (a single point when relaxation is null: IBRION = -1, NSW = 0).</summary>
    public static string Write(string template, Relaxation? relaxation)
    {
        var text = new StringBuilder(template);
        if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
        text.Append("# set by laqa\n");
        text.Append(CultureInfo.InvariantCulture, $"IBRION = {(relaxation is null ? -1 : 2)}\n");
        text.Append("ISIF = 3\n");
        text.Append(CultureInfo.InvariantCulture, $"NSW = {relaxation?.Steps ?? 0}\n");
        text.Append(CultureInfo.InvariantCulture, $"PSTRESS = {(relaxation?.PressureKbar ?? 0).ToString("R", CultureInfo.InvariantCulture)}\n");
        return text.ToString();
    }

    /// <summary>The reserved keys the template sets, in the order they appear (INCAR syntax: "KEY = value", several per line after ';', comments after '#' or '!').</summary>
    public static IReadOnlyList<string> ReservedKeysIn(string template)
    {
        var found = new List<string>();
        foreach (var line in template.Split('\n'))
        {
            var content = line.Split('#', '!')[0];
            foreach (var statement in content.Split(';'))
            {
                var equals = statement.IndexOf('=');
                if (equals < 0) continue;
                var key = statement[..equals].Trim().ToUpperInvariant();
                if (ReservedKeys.Contains(key) && !found.Contains(key)) found.Add(key);
            }
        }
        return found;
    }
}
