using Laqa.Calculators.External;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;

namespace Laqa.Calculators.Qe;

/// <summary>
/// Relaxes atoms and cell with pw.x's own BFGS: one vc-relax per batch with nstep = the batch's steps,
/// at the relaxation's pressure (press, kbar), with forc_conv_thr and press_conv_thr from its Fmax and
/// Smax (pw.x's own criteria: largest force component, and pressure). Each ionic step becomes a
/// step in our units and sign; the next batch starts from the last structure pw.x wrote.
/// <list type="bullet">
/// <item>BFGS converged (exit 0): the steps, the last one with the energy of pw.x's final SCF at the
/// relaxed structure (its forces and stress are not used, as CrySPY does); Converged. When BFGS
/// converges at the batch's last step pw.x has no step left for the final SCF (it counts it against
/// nstep and exits 3): Converged with the last ionic step's energy.</item>
/// <item>Steps used up (exit 3): Running from the last structure written.</item>
/// <item>An SCF not converged (exit 2) after k ≥ 1 good steps: those k steps, Running from the last
/// structure evaluated. Before any good step: run again once with mixing-beta halved
/// (<see cref="FallbackMixingFactor"/>), then Failed with pw.x's reason.</item>
/// <item>An "Error in routine" block (exit 1), any other exit, a killed pw.x or output that cannot be
/// read: Failed, with pw.x's message or the line that could not be read, and the work folder.</item>
/// </list>
/// Cancellation (a batch timeout, a stopping worker) kills pw.x and everything it started, and throws.
/// </summary>
public sealed class QeRelaxer : ExternalRelaxer
{
    /// <summary>The retry after an SCF that fails at the first step mixes with mixing-beta times this.</summary>
    public const double FallbackMixingFactor = 0.5;

    public const string OptimizerKind = "qe-vc-relax";

    private readonly QeSettings _settings;
    private readonly RelaxationOptions _options;
    private readonly WorkFolders _folders;
    private readonly Action<PwRun, string>? _ran;

    /// <param name="ran">Called after each pw.x run with the run and its folder (the overhead benchmark times pw.x with it).</param>
    public QeRelaxer(QeSettings settings, RelaxationOptions options, WorkFolders folders, Action<PwRun, string>? ran = null)
        : base(OptimizerKind)
    {
        options.Validate();
        _settings = settings;
        _options = options;
        _folders = folders;
        _ran = ran;
    }

    public const string Name = "qe";

    protected override RelaxationBatch RunBatch(RelaxationState state, int maxSteps, BatchLabel label, CancellationToken cancellationToken)
    {
        var (batch, firstScfFailed) = Run(state, maxSteps, label, _settings.MixingBeta, cancellationToken);
        if (firstScfFailed)
            (batch, _) = Run(state, maxSteps, label, _settings.MixingBeta * FallbackMixingFactor, cancellationToken);
        return batch;
    }

    private (RelaxationBatch Batch, bool FirstScfFailed) Run(RelaxationState state, int maxSteps, BatchLabel label, double mixingBeta, CancellationToken cancellationToken)
    {
        var start = state.Structure;
        var folder = _folders.Create(label.Candidate, label.Batch);
        var relax = new PwInput.VcRelax(maxSteps, _options.Pressure * QeUnits.KbarPerEvPerCubicAngstrom,
            _options.Fmax / QeUnits.EvPerAngstromPerRydbergPerBohr, _options.Smax * QeUnits.KbarPerEvPerCubicAngstrom);
        PwRun run;
        try
        {
            run = PwRun.Execute(_settings, folder, PwInput.Write(start, _settings, relax, mixingBeta), start.Count, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _folders.Finish(folder, failed: true);
            throw;
        }
        _ran?.Invoke(run, folder);
        var (batch, firstScfFailed) = Interpret(state, maxSteps, run, folder, mixingBeta);
        _folders.Finish(folder, batch.Outcome == RelaxationOutcome.Failed || firstScfFailed);
        return (batch, firstScfFailed);
    }

    private (RelaxationBatch, bool) Interpret(RelaxationState state, int maxSteps, PwRun run, string folder, double mixingBeta)
    {
        var stepsBefore = state.StepsTaken;
        RelaxationBatch Failed(string reason, IReadOnlyList<RelaxationStep>? steps = null) =>
            new(steps ?? [], state with { StepsTaken = stepsBefore + (steps?.Count ?? 0) }, RelaxationOutcome.Failed, $"{reason} (in {folder})");

        if (run.Output is not { } output) return (Failed(run.Failure!), false);
        if (output.Error is { } error) return (Failed($"pw.x: {error}"), false);

        // Steps[i] was evaluated at S_i: S_0 the batch's start, S_i the structure written after step i - 1.
        Structure EvaluatedAt(int i) => i == 0 ? state.Structure : output.Structures[i - 1];
        var count = output.Steps.Count;
        if (output.Structures.Count < count - 1 || count > maxSteps)
            return (Failed($"pw.x printed {count} steps and {output.Structures.Count} structures for a batch of {maxSteps}"), false);
        var steps = new List<RelaxationStep>(count);
        for (var i = 0; i < count; i++)
        {
            var result = output.Steps[i].ToResult();
            if (output.BfgsConverged && i == count - 1 && output.FinalEnergyRy is { } final) result = result with { Energy = final * QeUnits.EvPerRydberg };
            var at = EvaluatedAt(i);
            if (at.Count != state.Structure.Count || !at.Species.SequenceEqual(state.Structure.Species))
                return (Failed($"pw.x wrote a structure of other species or atom count after step {stepsBefore + i}"), false);
            var evaluation = StepEvaluation.Check(Name, result, at, _options.Pressure);
            if (evaluation.Failure is { } failure) return (Failed($"step {stepsBefore + i + 1}: {failure}", steps), false);
            steps.Add(evaluation.Step!);
        }

        RelaxationBatch Ended(Structure next, RelaxationOutcome outcome) =>
            new(steps, new RelaxationState(next, new OptimizerState(OptimizerKind, []), stepsBefore + steps.Count), outcome);
        switch (run.ExitCode)
        {
            case 0 when output.BfgsConverged && output.FinalEnergyRy is not null && count > 0:
            case 3 when output.BfgsConverged && count == maxSteps && output.Structures.Count >= count:
                return (Ended(output.Structures[count - 1], RelaxationOutcome.Converged), false);
            case 3 when output.MaxStepsReached && count == maxSteps && output.Structures.Count >= count:
                return (Ended(output.Structures[count - 1], RelaxationOutcome.Running), false);
            case 2 when output.ScfNotConverged && count > 0:
                return (Ended(EvaluatedAt(count - 1), RelaxationOutcome.Running), false);
            case 2 when output.ScfNotConverged:
                var reason = $"pw.x: SCF not converged in electron-maxstep = {_settings.ElectronMaxstep} iterations at the first step with mixing-beta = {mixingBeta}";
                return (Failed(reason), mixingBeta == _settings.MixingBeta);
            default:
                return (Failed($"pw.x exited with code {run.ExitCode} after {count} complete steps{(output.JobDone ? "" : ", without JOB DONE")}"), false);
        }
    }
}
