using System.Collections.Concurrent;

namespace Laqa.Engine.Hosting;

/// <summary>
/// The secrets this process has read (a connection string and its password): any text printed from a
/// database driver's or Akka's message passes through <see cref="Redact"/>, so none of them is ever shown.
/// </summary>
public static class Secrets
{
    private static readonly ConcurrentDictionary<string, byte> Known = new();

    public static void Add(string? secret)
    {
        // Very short values would blank out ordinary words of a message.
        if (secret is { Length: >= 4 }) Known.TryAdd(secret, 0);
    }

    public static string Redact(string text)
    {
        // Longest first: a connection string holds its password.
        foreach (var secret in Known.Keys.OrderByDescending(s => s.Length))
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }
}
