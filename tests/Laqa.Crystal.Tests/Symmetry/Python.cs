using System.Diagnostics;

namespace Laqa.Crystal.Tests.Symmetry;

/// <summary>Runs a reference script with the system python (which has python3-spglib).</summary>
internal static class Python
{
    private const string Interpreter = "/usr/bin/python3";

    public static string Run(string scriptName, string input = "")
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Symmetry", scriptName);
        var start = new ProcessStartInfo(Interpreter, [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Interpreter}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{scriptName} failed: {stderr.Result}");
        return stdout.Result;
    }
}
