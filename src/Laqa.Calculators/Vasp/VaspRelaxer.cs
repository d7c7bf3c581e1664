using Laqa.Calculators.External;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Crystal.IO;

namespace Laqa.Calculators.Vasp;

/// <summary>
/// Relaxes atoms and cell with VASP's own optimizer: one run per batch with IBRION = 2, ISIF = 3,
/// NSW = the batch's steps and PSTRESS = the relaxation's pressure (kB). Each ionic step of vasprun.xml
/// becomes a step in our units and sign; the next batch starts from VASP's CONTCAR.
/// <list type="bullet">
/// <item>VASP exits 0 with a whole vasprun.xml of 1..NSW steps: Converged when the last step meets the
/// relaxation's Fmax and Smax (our criterion, not EDIFFG: VASP may also stop early on its own),
/// continuing from the structure of that step; otherwise Running from CONTCAR.</item>
/// <item>Any other exit, a vasprun.xml cut off or broken (a killed VASP), none at all, or an unreadable
/// CONTCAR: Failed with the steps read before the break, the reason and the work folder.</item>
/// </list>
/// An SCF that did not converge within NELM is not detected (VASP goes on to the next ionic step).
/// Cancellation (a batch timeout, a stopping worker) kills VASP and everything it started, and throws.
/// </summary>
public sealed class VaspRelaxer : ExternalRelaxer
{
    public const string OptimizerKind = "vasp-ibrion2";
    public const string Name = "vasp";

    private readonly VaspSettings _settings;
    private readonly RelaxationOptions _options;
    private readonly WorkFolders _folders;

    public VaspRelaxer(VaspSettings settings, RelaxationOptions options, WorkFolders folders) : base(OptimizerKind)
    {
        options.Validate();
        _settings = settings;
        _options = options;
        _folders = folders;
    }

    protected override RelaxationBatch RunBatch(RelaxationState state, int maxSteps, BatchLabel label, CancellationToken cancellationToken)
    {
        var folder = _folders.Create(label.Candidate, label.Batch);
        VaspRun run;
        try
        {
            run = VaspRun.Execute(_settings, folder, state.Structure, new IncarWriter.Relaxation(maxSteps, _options.Pressure * VaspUnits.KbarPerEvPerCubicAngstrom), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _folders.Finish(folder, failed: true);
            throw;
        }
        var batch = Interpret(state, maxSteps, run, folder);
        _folders.Finish(folder, batch.Outcome == RelaxationOutcome.Failed);
        return batch;
    }

    private RelaxationBatch Interpret(RelaxationState state, int maxSteps, VaspRun run, string folder)
    {
        var stepsBefore = state.StepsTaken;
        var steps = new List<RelaxationStep>();
        RelaxationBatch Failed(string reason) =>
            new(steps, state with { StepsTaken = stepsBefore + steps.Count }, RelaxationOutcome.Failed, $"{reason} (in {folder})");

        if (run.Output is not { } output) return Failed(run.Failure!);
        if (output.Steps.Count > maxSteps) return Failed($"vasprun.xml holds {output.Steps.Count} ionic steps for NSW = {maxSteps}");
        foreach (var vaspStep in output.Steps)
        {
            var at = vaspStep.Structure;
            if (at.Count != state.Structure.Count || !at.Species.SequenceEqual(state.Structure.Species))
                return Failed($"vasprun.xml holds a structure of other species or atom count at step {stepsBefore + steps.Count + 1}");
            var evaluation = StepEvaluation.Check(Name, vaspStep.ToResult(_settings.Energy), at, _options.Pressure);
            if (evaluation.Failure is { } failure) return Failed($"step {stepsBefore + steps.Count + 1}: {failure}");
            steps.Add(evaluation.Step!);
        }
        if (run.ExitCode != 0 || output.Error is not null)
            return Failed($"{run.Command} {run.Ending} after {steps.Count} complete ionic steps{(output.Error is null ? "" : $": {output.Error}")}");
        if (steps.Count == 0) return Failed($"{run.Command} exited with code 0 and no ionic step in vasprun.xml");

        RelaxationBatch Ended(Structure next, RelaxationOutcome outcome) =>
            new(steps, new RelaxationState(next, new OptimizerState(OptimizerKind, []), stepsBefore + steps.Count), outcome);
        var last = steps[^1];
        if (last.MaxForce <= _options.Fmax && last.MaxAbsStress <= _options.Smax)
            return Ended(output.Steps[^1].Structure, RelaxationOutcome.Converged);
        var contcar = Path.Combine(folder, VaspRun.ContcarFile);
        Structure next;
        try
        {
            next = PoscarFormat.Read(contcar).Structure;
        }
        catch (Exception e) when (e is LaqaInputException or IOException)
        {
            return Failed($"{run.Command} exited with code 0 and a CONTCAR laqa cannot read: {e.Message}");
        }
        if (next.Count != state.Structure.Count || !next.Species.SequenceEqual(state.Structure.Species))
            return Failed("CONTCAR holds a structure of other species or atom count");
        return Ended(next, RelaxationOutcome.Running);
    }
}
