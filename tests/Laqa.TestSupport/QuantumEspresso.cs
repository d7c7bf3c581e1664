namespace Laqa.TestSupport;

/// <summary>
/// Quantum ESPRESSO for tests that run the real pw.x (Debian's quantum-espresso, installed by
/// scripts/install-debian-packages.sh --tests): such tests fail, never skip, when it is missing.
/// </summary>
public static class QuantumEspresso
{
    public const string PseudoDir = "/usr/share/espresso/pseudo";
    public const string SiliconPseudo = "Si.pz-vbc.UPF";

    /// <summary>mpirun for one process (Debian's pw.x is built with MPI), allowed to run as root.</summary>
    public static IReadOnlyList<string> MpiCommand => ["mpirun", "--allow-run-as-root", "-np", "1"];

    /// <summary>The same as a config value.</summary>
    public static string MpiCommandText => string.Join(' ', MpiCommand);

    /// <summary>laqa.calculator { } for silicon at a cutoff low enough for an SCF of Si2 in under a second (LDA, 12/48 Ry, by default 2×2×2 k), with more qe keys.</summary>
    public static string SiliconCalculator(string moreKeys = "", string kPoints = "k-points = [2, 2, 2]") => $$"""
        calculator.qe { mpi-command = "{{MpiCommandText}}", pseudopotentials { Si = "{{SiliconPseudo}}" }, ecutwfc = 12, ecutrho = 48, {{kPoints}} {{moreKeys}} }
        """;

    /// <summary>Throws, naming what to install, unless pw.x, mpirun and the silicon pseudopotential are there.</summary>
    public static void Require()
    {
        foreach (var program in new[] { "pw.x", "mpirun" })
            if (!OnPath(program))
                throw new InvalidOperationException($"{program} is not on PATH: scripts/install-debian-packages.sh --tests installs Quantum ESPRESSO");
        if (!File.Exists(Path.Combine(PseudoDir, SiliconPseudo)))
            throw new InvalidOperationException($"{PseudoDir}/{SiliconPseudo} is missing: install quantum-espresso-data");
    }

    /// <summary>Ids of the live pw.x processes whose working folder is at or below the folder.</summary>
    public static IReadOnlyList<int> PwProcessesUnder(string folder) => [.. PwRunsUnder(folder).Select(r => r.Pid)];

    /// <summary>The live pw.x processes whose working folder is at or below the folder, with that folder.</summary>
    public static IReadOnlyList<(int Pid, string Folder)> PwRunsUnder(string folder)
    {
        var found = new List<(int, string)>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(entry, "comm")).Trim() != "pw.x") continue;
                var cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).ResolveLinkTarget(returnFinalTarget: false)?.FullName ?? "";
                var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                if (cwd.StartsWith(folder, StringComparison.Ordinal) && stat[(stat.LastIndexOf(')') + 2)] != 'Z') found.Add((pid, cwd));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>Waits up to the timeout for the pw.x processes under the folder to end; returns those still alive.</summary>
    public static IReadOnlyList<int> PwProcessesUnder(string folder, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var alive = PwProcessesUnder(folder);
            if (alive.Count == 0 || DateTime.UtcNow > deadline) return alive;
            Thread.Sleep(50);
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
