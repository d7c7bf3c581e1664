using System.Diagnostics;
using System.Text;

namespace Laqa.TestSupport;

/// <summary>Debian's /usr/bin/python3 (ASE, spglib, numpy), the independent reference many tests ask.</summary>
public static class SystemPython
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs code (python3 -c) with the arguments as sys.argv[1:] and returns what it prints; a failure throws with its stderr.</summary>
    public static string Run(string code, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Interpreter}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"python failed ({process.ExitCode}): {error.Result}");
    }
}
