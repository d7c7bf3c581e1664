using Laqa.Crystal;
using Laqa.Crystal.IO;

namespace Laqa.Cli.Tests;

/// <summary>A scratch folder per test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("laqa-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, Structure structure)
    {
        var path = File(name);
        StructureFile.Write(path, structure);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
