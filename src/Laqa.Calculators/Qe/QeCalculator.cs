using Laqa.Calculators.External;
using Laqa.Crystal;

namespace Laqa.Calculators.Qe;

/// <summary>
/// A pw.x SCF (energy, forces, stress) of one structure, each call in the next work folder
/// calc/0-&lt;n&gt; under the folders' root (to check settings on a structure: laqa calc).
/// </summary>
public sealed class QeCalculator(QeSettings settings, WorkFolders folders) : ICalculator
{
    public string Name => "qe";

    public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
    {
        var folder = folders.Create("calc", 0);
        var run = PwRun.Execute(settings, folder, PwInput.Write(structure, settings, relax: null), structure.Count, cancellationToken);
        var result = run.Output switch
        {
            null => CalculationResult.Failed(run.Failure!),
            { Error: { } error } => CalculationResult.Failed($"pw.x: {error}"),
            { Steps.Count: 1 } output when run.ExitCode == 0 && output.JobDone => output.Steps[0].ToResult(),
            { ScfNotConverged: true } => CalculationResult.Failed($"pw.x: SCF not converged in electron-maxstep = {settings.ElectronMaxstep} iterations"),
            var output => CalculationResult.Failed($"pw.x exited with code {run.ExitCode} after {output.Steps.Count} complete SCF steps"),
        };
        folders.Finish(folder, !result.Succeeded);
        return result.Succeeded ? result : result with { Failure = $"{result.Failure} (in {folder})" };
    }
}
