namespace Laqa.TestSupport;

/// <summary>Files of the repository (config/..., docker/...), found by walking up from the test binaries to Laqa.Actors.sln.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Laqa.Actors.sln"))) return dir.FullName;
        throw new InvalidOperationException("Laqa.Actors.sln not found above " + AppContext.BaseDirectory);
    }
}
