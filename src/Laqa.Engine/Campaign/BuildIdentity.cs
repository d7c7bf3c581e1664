using System.Reflection;

namespace Laqa.Engine.Campaign;

/// <summary>
/// The build of this program as nodes compare it when a worker node joins: message manifests are
/// short type names and results must be computed by the same code, so every node runs the same
/// build (its version with the commit it was built from).
/// </summary>
public static class BuildIdentity
{
    public static string Current { get; } =
        typeof(BuildIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
