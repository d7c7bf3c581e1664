using Laqa.Calculators.External;
using Laqa.Crystal;

namespace Laqa.Calculators.Vasp;

/// <summary>
/// A VASP single point (IBRION = -1, NSW = 0: energy, forces, stress) of one structure, each call in
/// the next work folder calc/0-&lt;n&gt; under the folders' root (to check settings on a structure: laqa calc).
/// </summary>
public sealed class VaspCalculator(VaspSettings settings, WorkFolders folders) : ICalculator
{
    public string Name => VaspRelaxer.Name;

    public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
    {
        var folder = folders.Create("calc", 0);
        var run = VaspRun.Execute(settings, folder, structure, relaxation: null, cancellationToken);
        var result = run.Output switch
        {
            null => CalculationResult.Failed(run.Failure!),
            { Steps.Count: 1, Error: null } output when run.ExitCode == 0 => output.Steps[0].ToResult(settings.Energy),
            { Error: { } error } => CalculationResult.Failed($"{run.Command} {run.Ending}: {error}"),
            var output => CalculationResult.Failed($"{run.Command} {run.Ending} with {output.Steps.Count} ionic steps in vasprun.xml"),
        };
        folders.Finish(folder, !result.Succeeded);
        return result.Succeeded ? result : result with { Failure = $"{result.Failure} (in {folder})" };
    }
}
