namespace Laqa.Engine.Configuration;

/// <summary>
/// Collects every problem of a config as "key.path: what is wrong". Once a key has an error, later
/// errors at or below it are dropped (a block given as a number does not also report each missing child).
/// </summary>
internal sealed class ConfigErrors
{
    private readonly List<(string Path, string Message)> errors = [];

    public bool Any => errors.Count > 0;

    public void Add(string path, string message)
    {
        if (errors.Any(e => path == e.Path || path.StartsWith(e.Path + ".", StringComparison.Ordinal))) return;
        errors.Add((path, message));
    }

    public bool Has(string path) => errors.Any(e => e.Path == path);

    /// <summary>Whether there is an error at this key or below it.</summary>
    public bool HasAtOrBelow(string path) => errors.Any(e => e.Path == path || e.Path.StartsWith(path + ".", StringComparison.Ordinal));

    public IEnumerable<string> Lines => errors.Select(e => $"{e.Path}: {e.Message}");
}
