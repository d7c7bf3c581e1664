namespace Laqa.TestSupport;

/// <summary>The dotnet host running the tests (the one `dotnet test` names), to start our programs' dlls with.</summary>
public static class DotnetHost
{
    public static string Path => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
