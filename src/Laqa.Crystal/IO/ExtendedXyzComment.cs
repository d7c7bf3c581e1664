using System.Text;

namespace Laqa.Crystal.IO;

/// <summary>
/// The key=value comment line of extended XYZ as ASE reads and writes it: values bare, in double
/// quotes (with \" escapes) or in braces; a key without '=' stands for T.
/// </summary>
internal static class ExtendedXyzComment
{
    public static List<KeyValuePair<string, string>>? TryParse(string line, out string problem)
    {
        problem = "";
        var pairs = new List<KeyValuePair<string, string>>();
        var pos = 0;
        while (true)
        {
            while (pos < line.Length && char.IsWhiteSpace(line[pos])) pos++;
            if (pos >= line.Length) return pairs;
            var start = pos;
            while (pos < line.Length && line[pos] != '=' && !char.IsWhiteSpace(line[pos])) pos++;
            var key = line[start..pos];
            var afterKey = pos;
            while (pos < line.Length && char.IsWhiteSpace(line[pos])) pos++;
            if (pos >= line.Length || line[pos] != '=')
            {
                pairs.Add(new(key, "T"));
                pos = afterKey;
                continue;
            }
            pos++;
            while (pos < line.Length && char.IsWhiteSpace(line[pos])) pos++;
            if (key.Length == 0 || pos >= line.Length)
            {
                problem = key.Length == 0 ? "'=' without a key" : $"key '{key}' has no value";
                return null;
            }
            var value = new StringBuilder();
            if (line[pos] is '"' or '{')
            {
                var close = line[pos] == '"' ? '"' : '}';
                pos++;
                while (pos < line.Length && line[pos] != close)
                {
                    if (close == '"' && line[pos] == '\\' && pos + 1 < line.Length) pos++;
                    value.Append(line[pos++]);
                }
                if (pos >= line.Length)
                {
                    problem = $"value of '{key}' is not closed with {close}";
                    return null;
                }
                pos++;
            }
            else
                while (pos < line.Length && !char.IsWhiteSpace(line[pos])) value.Append(line[pos++]);
            pairs.Add(new(key, value.ToString()));
        }
    }

    /// <summary>key=value with the value quoted when it holds blanks, quotes or '='.</summary>
    public static string Pair(string key, string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '"' or '=' or '{' or '}' or '\\')
            ? $"{key}={value}"
            : $"{key}=\"{value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";
}
