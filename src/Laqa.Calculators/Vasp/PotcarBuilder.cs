using Laqa.Crystal;

namespace Laqa.Calculators.Vasp;

/// <summary>
/// Builds the POTCAR of a structure: the POTCAR of each species run of the POSCAR (as
/// <see cref="Laqa.Crystal.IO.PoscarFormat"/> writes them, in atom order), concatenated byte for byte,
/// each from potcar-dir/&lt;subfolder of the element&gt;/POTCAR.
/// </summary>
public static class PotcarBuilder
{
    public const string FileName = "POTCAR";

    /// <summary>The POTCAR file of an element: potcar-dir/subfolder/POTCAR.</summary>
    public static string PathOf(string potcarDir, string subfolder) => Path.Combine(potcarDir, subfolder, FileName);

    /// <summary>The species of the POSCAR's species line: one per run of equal neighbours in atom order.</summary>
    public static IReadOnlyList<string> SpeciesRuns(Structure structure)
    {
        var runs = new List<string>();
        foreach (var s in structure.Species)
            if (runs.Count == 0 || runs[^1] != s) runs.Add(s);
        return runs;
    }

    /// <summary>Writes the concatenated POTCAR to <paramref name="path"/>; an element without a subfolder in the settings is an ArgumentException.</summary>
    public static void Write(string path, Structure structure, VaspSettings settings)
    {
        using var output = File.Create(path);
        foreach (var species in SpeciesRuns(structure))
        {
            if (!settings.Potcars.TryGetValue(species, out var subfolder))
                throw new ArgumentException($"no POTCAR subfolder for {species}", nameof(settings));
            using var input = File.OpenRead(PathOf(settings.PotcarDir, subfolder));
            input.CopyTo(output);
        }
    }
}
