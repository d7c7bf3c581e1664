using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// A LAMMPS many-body potential file read as a potential, its kind decided by the file's extension:
/// *.tersoff is read by <see cref="Tersoff"/>, *.sw by <see cref="StillingerWeber"/>.
/// </summary>
public static class LammpsPotentialFile
{
    public const string AcceptedKinds = "*.tersoff (Tersoff) or *.sw (Stillinger-Weber)";

    /// <summary>Whether the path names a kind of file this class reads (by extension only).</summary>
    public static bool IsPotentialFile(string path) => KindOf(path) is not null;

    /// <summary>The potential in the file at <paramref name="path"/>; another extension, an unreadable or a malformed file is bad input.</summary>
    public static IPotential Read(string path)
    {
        if (!IsPotentialFile(path)) throw UnknownKind(path);
        return Parse(LammpsParameterFile.ReadAllText(path), path);
    }

    /// <summary>The potential in <paramref name="text"/>, read as the kind of file <paramref name="path"/> names (which appears in errors).</summary>
    public static IPotential Parse(string text, string path) => KindOf(path) switch
    {
        ".tersoff" => Tersoff.Parse(text, path, Path.GetFileName(path)),
        ".sw" => StillingerWeber.Parse(text, path, Path.GetFileName(path)),
        _ => throw UnknownKind(path),
    };

    private static LaqaInputException UnknownKind(string path) =>
        new($"potential file {path}: unknown kind of file '{Path.GetExtension(path)}'; expected {AcceptedKinds}");

    private static string? KindOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".tersoff" => ".tersoff",
        ".sw" => ".sw",
        _ => null,
    };
}
