using System.Text;
using System.Text.Json;
using Akka.Configuration.Hocon;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Writes a parsed HOCON tree back as text that parses to the same tree: every key and scalar as a
/// quoted JSON string (Akka's own rendering does not escape quotes or backslashes), lists and blocks
/// as such. This is how a campaign's config travels to a worker node that joins.
/// </summary>
public static class HoconText
{
    public static string Render(HoconValue root)
    {
        var text = new StringBuilder();
        Write(root, text);
        return text.ToString();
    }

    private static void Write(HoconValue value, StringBuilder text)
    {
        if (value.IsObject())
        {
            text.Append('{');
            foreach (var (key, child) in value.GetObject().Items)
            {
                text.Append(Quote(key)).Append(" = ");
                Write(child, text);
                text.Append('\n');
            }
            text.Append('}');
        }
        else if (ConfigReader.List(value) is { } items)
        {
            text.Append('[');
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0) text.Append(", ");
                Write(items[i], text);
            }
            text.Append(']');
        }
        else
        {
            text.Append(value.IsString() ? Quote(value.GetString()) : "null");
        }
    }

    private static string Quote(string s) => JsonSerializer.Serialize(s);
}
