using System.Diagnostics;
using System.Text.Json;

namespace Laqa.Crystal.Tests;

/// <summary>Runs a script with the system Python (ASE, spglib, pymatgen installed) as an independent reference.</summary>
internal static class PythonReference
{
    private const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs the script with the input serialised as JSON on stdin; the script prints one JSON document.</summary>
    public static JsonElement Run(string script, object? input = null)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Interpreter}");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(JsonSerializer.Serialize(input));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"reference script failed ({process.ExitCode}): {stderr.Result}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    public static double[] Doubles(this JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];

    public static double[][] Matrix(this JsonElement e) => [.. e.EnumerateArray().Select(Doubles)];
}
