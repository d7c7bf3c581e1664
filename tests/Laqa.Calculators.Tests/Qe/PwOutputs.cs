using Laqa.Calculators.External;
using Laqa.Calculators.Qe;
using Laqa.Crystal;
using Laqa.TestSupport;

namespace Laqa.Calculators.Tests.Qe;

/// <summary>
/// Real pw.x outputs, produced once for a test class: a vc-relax that uses up its 3 steps (exit 3), one
/// that converges (exit 0), an SCF that cannot converge in one iteration (exit 2) and a missing
/// pseudopotential (exit 1).
/// </summary>
public sealed class PwOutputs : IDisposable
{
    private readonly TempFolder _folder = new();

    public PwOutputs()
    {
        QuantumEspresso.Require();
        var settings = SiliconQe.Settings;
        StepsUsedUp = Run("steps-used-up", settings, PwInput.Write(SiliconQe.Distorted, settings, new PwInput.VcRelax(3, 0, 1e-4, 0.5)));
        Converged = Run("converged", settings, PwInput.Write(SiliconQe.Diamond(5.36, new Vec3(0.01, 0, 0)), settings, new PwInput.VcRelax(30, 0, 1e-3, 0.5)));
        var oneIteration = settings with { ElectronMaxstep = 1 };
        ScfNotConverged = Run("scf-not-converged", oneIteration, PwInput.Write(SiliconQe.Distorted, oneIteration, new PwInput.VcRelax(3, 0, 1e-4, 0.5)));
        var missing = settings with { Pseudopotentials = new Dictionary<string, string> { ["Si"] = "Missing.UPF" } };
        MissingPseudo = Run("missing-pseudo", missing, PwInput.Write(SiliconQe.Distorted, missing, relax: null));
    }

    public Produced StepsUsedUp { get; }
    public Produced Converged { get; }
    public Produced ScfNotConverged { get; }
    public Produced MissingPseudo { get; }

    /// <summary>A run's input, output file and exit code.</summary>
    public sealed record Produced(string Folder, string Input, string OutputFile, int ExitCode)
    {
        public string[] Lines => File.ReadAllLines(OutputFile);
    }

    private Produced Run(string name, QeSettings settings, string input)
    {
        var folder = _folder.File(name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, PwRun.InputFile), input);
        var run = ExternalProcess.Run(settings.CommandLine(PwRun.InputFile), folder, PwRun.OutputFile, PwRun.ErrorFile);
        return new Produced(folder, input, Path.Combine(folder, PwRun.OutputFile), run.ExitCode);
    }

    public void Dispose() => _folder.Dispose();
}
