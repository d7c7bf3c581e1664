namespace Laqa.Calculators.Ase;

/// <summary>
/// An ASE calculator behind the bridge: the Python interpreter (with ASE), and either a class or
/// function "module:Name" or the source of a user file defining make_calculator(), called with the
/// keyword arguments (values as text: integers, floats and true/false are converted, anything else
/// stays a string).
/// </summary>
public sealed record AseSettings
{
    public required string Python { get; init; }
    public string? Calculator { get; init; }
    /// <summary>The user file's path, for Python's tracebacks and our messages.</summary>
    public string? File { get; init; }
    public string? FileSource { get; init; }
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();

    /// <summary>How messages name the calculator: "module:Name" or the file.</summary>
    public string Description => Calculator ?? File ?? "?";
}
