namespace Laqa.Engine.Configuration;

/// <summary>Suggests the closest known name to a misspelt one (Levenshtein distance at most 2, and less than half the name).</summary>
internal static class DidYouMean
{
    public static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Order(StringComparer.Ordinal))
        {
            var d = Distance(name, candidate);
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        return bestDistance <= 2 && bestDistance * 2 < Math.Max(name.Length, 2) ? best : null;
    }

    public static string Hint(string name, IEnumerable<string> known) =>
        Closest(name, known) is { } s ? $" (did you mean {s}?)" : "";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
