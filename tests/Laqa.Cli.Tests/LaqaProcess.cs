using System.Diagnostics;

namespace Laqa.Cli.Tests;

/// <summary>Runs the built `laqa` as its own process, as a user would, and captures what it prints.</summary>
internal static class LaqaProcess
{
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The dotnet host running the tests, and the laqa built beside them.</summary>
    public static string Dotnet => DotnetHost.Path;

    public static string LaqaDll => Path.Combine(AppContext.BaseDirectory, "laqa.dll");

    public static Run Start(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(LaqaDll);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Run(process.ExitCode, output.Result, error.Result);
    }
}
