using Akka.Configuration.Hocon;

namespace Laqa.Engine.Configuration;

/// <summary>
/// Finds HOCON null values (`fmax = null`) anywhere in the user's laqa { } block, free-form blocks and
/// lists included. Akka reads null as a string with no text, which the readers would otherwise take
/// for the default or fail on; a null is refused with its key instead.
/// </summary>
internal static class NullValues
{
    /// <summary>Whether a null was found (each one is added to <paramref name="errors"/>).</summary>
    public static bool Check(HoconValue user, string path, ConfigErrors errors)
    {
        if (user.IsObject())
            return user.GetObject().Items.Select(item => Check(item.Value, $"{path}.{item.Key}", errors)).ToList().Contains(true);
        if (ConfigReader.List(user) is { } items)
            return items.Select((item, i) => Check(item, $"{path}[{i}]", errors)).ToList().Contains(true);
        if (!user.IsString() || user.GetString() is not null) return false;
        errors.Add(path, "null is not a value; leave the key out to take its default");
        return true;
    }
}
