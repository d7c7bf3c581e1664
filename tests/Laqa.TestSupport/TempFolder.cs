using Laqa.Crystal;
using Laqa.Crystal.IO;

namespace Laqa.TestSupport;

/// <summary>A fresh scratch folder under the system temp folder, removed on dispose (what a process still holds open stays).</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("laqa-test-").FullName;

    /// <summary>A file or folder name inside this folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes the structure in the format its name says and returns the path.</summary>
    public string Write(string name, Structure structure)
    {
        var path = File(name);
        StructureFile.Write(path, structure);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
