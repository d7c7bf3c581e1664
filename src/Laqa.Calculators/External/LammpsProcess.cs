using System.Diagnostics;

namespace Laqa.Calculators.External;

/// <summary>
/// Runs LAMMPS (Debian's <c>lmp</c>) on an input script in a folder, as one process with one OpenMP
/// thread, and returns the lines of its log. A run that fails throws with LAMMPS's own last words.
/// </summary>
public static class LammpsProcess
{
    public const string Executable = "/usr/bin/lmp";

    public static string[] Run(string folder, string input)
    {
        File.WriteAllText(Path.Combine(folder, "in.lammps"), input);
        var start = new ProcessStartInfo(Executable, ["-in", "in.lammps", "-log", "log.lammps", "-screen", "none", "-nocite"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var logPath = Path.Combine(folder, "log.lammps");
        var log = File.Exists(logPath) ? File.ReadAllLines(logPath) : [];
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"lmp exited with {process.ExitCode}: {stderr.Result}{stdout.Result}\n{string.Join("\n", log.TakeLast(15))}");
        return log;
    }
}
