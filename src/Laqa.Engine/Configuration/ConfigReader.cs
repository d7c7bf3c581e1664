using System.Globalization;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Reads typed values from a merged config (user over reference.conf), recording an error with its
/// key path instead of throwing; a value in error reads as the given fallback so reading goes on.
/// <paramref name="user"/> is the user's config alone, which tells a key the user gave from a default.
/// </summary>
internal sealed class ConfigReader(Config config, ConfigErrors errors, Config user)
{
    public ConfigErrors Errors => errors;

    /// <summary>Whether the user's config (not reference.conf) holds this key.</summary>
    public bool IsGiven(string path)
    {
        try
        {
            return user.GetValue(path) is not null;
        }
        catch (Exception)
        {
            return false;
        }
    }

    public HoconValue? Node(string path)
    {
        try
        {
            return config.GetValue(path);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>A single value as text, or null (with an error) if it is missing, a list or a block.</summary>
    public string? Scalar(string path)
    {
        var node = Node(path);
        if (node is null) { errors.Add(path, "missing"); return null; }
        if (node.IsObject()) { errors.Add(path, "expected a value, got a block { ... }"); return null; }
        if (List(node) is not null) { errors.Add(path, "expected a single value, got a list"); return null; }
        if (!node.IsString()) { errors.Add(path, "missing"); return null; }
        return node.GetString();
    }

    /// <summary>The elements of a list value, or null if the value is not a list ([] included, which Akka does not report as an array).</summary>
    public static IList<HoconValue>? List(HoconValue node)
    {
        if (node.IsArray()) return node.GetArray();
        return node.Values.Count > 0 && node.Values.All(v => v is HoconArray) ? [.. node.Values.SelectMany(v => v.GetArray())] : null;
    }

    public string String(string path, string fallback) => Scalar(path) ?? fallback;

    public int Int(string path, int min, int fallback, int? max = null) => (int)Long(path, min, fallback, max ?? int.MaxValue);

    public long Long(string path, long min, long fallback, long? max = null)
    {
        var text = Scalar(path);
        if (text is null) return fallback;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(path, $"expected an integer, got \"{text}\"");
            return fallback;
        }
        if (value < min || value > (max ?? long.MaxValue))
        {
            errors.Add(path, max is null or int.MaxValue ? $"must be at least {min}, got {value}" : $"must be between {min} and {max}, got {value}");
            return fallback;
        }
        return value;
    }

    public double Double(string path, double fallback, double? min = null, bool minExclusive = false, double? max = null)
    {
        var text = Scalar(path);
        if (text is null) return fallback;
        return ParseDouble(path, text, fallback, min, minExclusive, max);
    }

    public double ParseDouble(string path, string text, double fallback, double? min = null, bool minExclusive = false, double? max = null)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add(path, $"expected a number, got \"{text}\"");
            return fallback;
        }
        if (min is { } m && (minExclusive ? value <= m : value < m))
        {
            errors.Add(path, $"must be {(minExclusive ? "greater than" : "at least")} {m.ToString(CultureInfo.InvariantCulture)}, got {text}");
            return fallback;
        }
        if (max is { } x && (value > x || (min is null && value < -x)))
        {
            errors.Add(path, $"must be at most {x.ToString(CultureInfo.InvariantCulture)}{(min is null ? " in magnitude" : "")}, got {text}");
            return fallback;
        }
        return value;
    }

    /// <summary>true or false (HOCON's on/off and yes/no too).</summary>
    public bool Bool(string path, bool fallback)
    {
        var text = Scalar(path);
        switch (text?.Trim())
        {
            case null: return fallback;
            case "true" or "on" or "yes": return true;
            case "false" or "off" or "no": return false;
            default:
                errors.Add(path, $"expected true or false, got \"{text}\"");
                return fallback;
        }
    }

    /// <summary>One of the given lower-case names (the enum member names, case-insensitively).</summary>
    public T Enum<T>(string path, T fallback) where T : struct, System.Enum
    {
        var text = Scalar(path);
        if (text is null) return fallback;
        var names = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        if (names.Contains(text) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value)) return value;
        errors.Add(path, $"unknown value \"{text}\"{DidYouMean.Hint(text, names)}; expected one of {string.Join(", ", names)}");
        return fallback;
    }

    public TimeSpan Duration(string path, TimeSpan fallback, TimeSpan max)
    {
        var text = Scalar(path);
        if (text is null) return fallback;
        // HOCON reads a bare number as milliseconds: max-wall-time = 10 would stop a run at once.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(path, $"a duration needs a unit, e.g. {text.Trim()}s, {text.Trim()}m or {text.Trim()}h, got \"{text}\"");
            return fallback;
        }
        TimeSpan value;
        try
        {
            value = config.GetTimeSpan(path, null, allowInfinite: false);
        }
        catch (Exception)
        {
            errors.Add(path, $"expected a duration such as 90s, 10m or 2h, got \"{text}\"");
            return fallback;
        }
        if (value <= TimeSpan.Zero)
        {
            errors.Add(path, $"must be a positive duration, got \"{text}\"");
            return fallback;
        }
        if (value > max)
        {
            var limit = max.TotalDays >= 1 ? $"{max.TotalDays:0.##} days" : max.TotalHours >= 1 ? $"{max.TotalHours:0.##} h" : $"{max.TotalMinutes:0.##} min";
            errors.Add(path, $"must be at most {limit}, got \"{text}\"");
            return fallback;
        }
        return value;
    }

    /// <summary>The entries of a free-form block { name = value, ... }, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, HoconValue>> Block(string path)
    {
        var node = Node(path);
        if (node is null || node.IsEmpty) return [];
        if (!node.IsObject())
        {
            errors.Add(path, "expected a block { name = value, ... }");
            return [];
        }
        return [.. node.GetObject().Items];
    }
}
