using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Laqa.Calculators.Qe;
using Laqa.Calculators.Relaxation;
using Laqa.Calculators.Vasp;
using Laqa.Crystal;
using Laqa.Crystal.IO;
using Laqa.Crystal.Spglib;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Cli;

/// <summary>
/// `laqa relax (--potential NAME|FILE | --calculator CONFIG) FILE --out OUT [--fmax eV/Å] [--smax GPa] [--steps N] [--pressure GPa] [--optimizer fire|bfgs] [--symprec Å] [--json]`:
/// FIRE (or BFGS) on atoms and cell, one line per step, then the final structure (written to OUT) and its space group.
/// With a config's qe { } (or vasp { }) calculator, pw.x (VASP) relaxes in one run of --steps steps (work folder under calc/ here), its steps printed after it.
/// Exit 0 when converged or out of steps (OUT written), 1 when the relaxation failed (nothing written).
/// </summary>
public static class RelaxCommand
{
    public static Command Create()
    {
        var potential = CalcCommand.PotentialOption();
        var config = CalcCommand.CalculatorOption();
        var file = new Argument<string>("file") { Description = "starting structure: POSCAR/CONTCAR/*.vasp, *.cif, *.xyz/*.extxyz" };
        var output = new Option<string>("--out") { Description = "where to write the final structure (format from the name)", Required = true };
        var fmax = new Option<double>("--fmax") { Description = "force tolerance, eV/Å", DefaultValueFactory = _ => RelaxationOptions.Default.Fmax };
        var steps = new Option<int>("--steps") { Description = "most steps to take", DefaultValueFactory = _ => 1000 };
        var smax = new Option<double>("--smax") { Description = "tolerance on the stress σ + p, GPa", DefaultValueFactory = _ => PressureUnits.ToGPa(RelaxationOptions.Default.Smax) };
        var pressure = new Option<double>("--pressure") { Description = "external pressure, GPa", DefaultValueFactory = _ => 0.0 };
        // Loose, as AIRSS's 0.1 Å: at the default tolerances a relaxed cell keeps strains of order 1e-3.
        var symprec = new Option<double>("--symprec") { Description = "tolerance of the space-group analysis, Å", DefaultValueFactory = _ => 0.1 };
        var optimizer = new Option<string>("--optimizer") { Description = "fire (default) or bfgs, both as ASE's", DefaultValueFactory = _ => "fire" };
        var json = new Option<bool>("--json") { Description = "print the steps and the result as JSON (full precision)" };
        var command = new Command("relax", "Relax atoms and cell: FIRE or BFGS with a potential or a config's calculator; pw.x and VASP relax with their own optimizer")
        {
            potential, config, file, output, fmax, smax, steps, pressure, optimizer, symprec, json,
        };
        command.SetAction(parsed =>
        {
            var outPath = parsed.GetValue(output)!;
            var maxSteps = parsed.GetValue(steps);
            var options = RelaxationOptions.Default with
            {
                Fmax = parsed.GetValue(fmax),
                Smax = PressureUnits.FromGPa(parsed.GetValue(smax)),
                Pressure = PressureUnits.FromGPa(parsed.GetValue(pressure)),
            };
            var tolerance = parsed.GetValue(symprec);
            var algorithm = parsed.GetValue(optimizer)!;
            Validate(outPath, options, maxSteps, tolerance, algorithm);
            var (calculator, structure, spec) = CalcCommand.Load(parsed.GetValue(potential), parsed.GetValue(config), parsed.GetValue(file)!);
            IRelaxer relaxer = spec is not null && CampaignCalculator.ExternalRelaxers(spec, options, Directory.GetCurrentDirectory()) is { } external
                ? external()
                : algorithm == "bfgs" ? new BfgsRelaxer(calculator, options) : new FireRelaxer(calculator, options);
            // A structure the potential cannot evaluate is bad input, as in `laqa calc`; a failure later in the relaxation exits 1.
            if (relaxer is not IExternalRelaxer) CalcCommand.Evaluate(calculator, structure, parsed.GetValue(file)!);
            var asJson = parsed.GetValue(json);
            var writer = parsed.InvocationConfiguration.Output;

            if (!asJson)
            {
                writer.WriteLine(Invariant($"relaxing {structure.Formula()} with {calculator.Name} by {relaxer switch { QeRelaxer => "pw.x's own BFGS (vc-relax)", VaspRelaxer => "VASP's own conjugate gradients (IBRION = 2, ISIF = 3)", _ => algorithm }}: fmax {options.Fmax} eV/Å, smax {PressureUnits.ToGPa(options.Smax):F3} GPa, pressure {parsed.GetValue(pressure)} GPa, at most {maxSteps} steps"));
                writer.WriteLine(" step    energy/atom (eV)   max |F| (eV/Å)   max |σ+p| (GPa)");
            }
            var state = RelaxationState.Start(structure);
            var taken = new List<RelaxationStep>();
            RelaxationBatch batch;
            do
            {
                // One step per batch so that each line appears as it is computed; batches continue bit for bit.
                // An external code takes all its steps in one run.
                batch = relaxer.Advance(state, relaxer is IExternalRelaxer ? maxSteps - taken.Count : 1);
                foreach (var step in batch.Steps)
                {
                    taken.Add(step);
                    if (!asJson)
                        writer.WriteLine(Invariant($"{taken.Count,5} {step.EnergyPerAtom,19:F10} {step.MaxForce,16:F8} {PressureUnits.ToGPa(step.MaxAbsStress),17:F8}"));
                }
                state = batch.Next;
            } while (batch.Outcome == RelaxationOutcome.Running && taken.Count < maxSteps);

            var final = state.Structure;
            var failed = batch.Outcome == RelaxationOutcome.Failed;
            var symmetry = failed ? null : SymmetryAnalyzer.Analyze(final, tolerance);
            if (!failed) WriteRelaxed(outPath, final, $"{final.Formula()} relaxed with {calculator.Name}", batch.Outcome == RelaxationOutcome.Converged ? taken[^1] : null);

            if (asJson)
                writer.WriteLine(Json(calculator.Name, batch, taken, final, symmetry, failed ? null : outPath));
            else if (failed)
                Console.Error.WriteLine($"laqa: relaxation failed: {batch.FailureReason}");
            else
            {
                writer.WriteLine(batch.Outcome == RelaxationOutcome.Converged
                    ? Invariant($"converged after {taken.Count} steps at {taken[^1].EnergyPerAtom:F8} eV/atom")
                    : Invariant($"not converged after {taken.Count} steps (last step {taken[^1].EnergyPerAtom:F8} eV/atom)"));
                writer.WriteLine(Invariant($"final            {final.Formula()}, {final.Lattice.Volume:F4} Å³, {final.Lattice}"));
                writer.WriteLine($"space group      {symmetry}");
                writer.WriteLine($"written          {outPath}");
            }
            return failed ? 1 : 0;
        });
        return command;
    }

    /// <summary>
    /// The final structure; extended XYZ also gets the energy, forces and stress when they belong to it
    /// (a converged relaxation ends on an evaluated geometry, an unconverged one has moved on since).
    /// </summary>
    private static void WriteRelaxed(string path, Structure final, string title, RelaxationStep? evaluatedAtFinal)
    {
        if (evaluatedAtFinal is null || StructureFile.FormatOf(path) != StructureFileFormat.ExtendedXyz)
        {
            StructureFile.Write(path, final, title);
            return;
        }
        ExtendedXyzFormat.Write(path, new ExtendedXyzFrame(final)
        {
            Energy = evaluatedAtFinal.Energy,
            Forces = [.. evaluatedAtFinal.Forces],
            Stress = [.. evaluatedAtFinal.Stress],
            Info = [new("comment", title)],
        });
    }

    private static void Validate(string outPath, RelaxationOptions options, int maxSteps, double symprec, string algorithm)
    {
        if (algorithm is not ("fire" or "bfgs")) throw new LaqaInputException($"--optimizer must be fire or bfgs (got '{algorithm}')");
        StructureFile.FormatOf(outPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (directory is not null && !Directory.Exists(directory))
            throw new LaqaInputException($"--out {outPath}: directory {directory} does not exist");
        WritableLocation.Require(outPath, "--out");
        if (!(options.Fmax > 0 && options.Fmax <= CampaignLimits.MaxForce))
            throw new LaqaInputException(Invariant($"--fmax must be greater than 0 and at most {CampaignLimits.MaxForce} eV/Å (got {options.Fmax})"));
        if (!(options.Smax > 0 && PressureUnits.ToGPa(options.Smax) <= CampaignLimits.MaxStress))
            throw new LaqaInputException(Invariant($"--smax must be greater than 0 and at most {CampaignLimits.MaxStress} GPa (got {PressureUnits.ToGPa(options.Smax)})"));
        if (maxSteps < 1 || maxSteps > CampaignLimits.MaxStepsPerCandidate)
            throw new LaqaInputException(Invariant($"--steps must be between 1 and {CampaignLimits.MaxStepsPerCandidate} (got {maxSteps})"));
        if (!(Math.Abs(PressureUnits.ToGPa(options.Pressure)) <= CampaignLimits.Pressure))
            throw new LaqaInputException(Invariant($"--pressure must be at most {CampaignLimits.Pressure} GPa in magnitude (got {PressureUnits.ToGPa(options.Pressure)})"));
        if (!(symprec > 0 && double.IsFinite(symprec))) throw new LaqaInputException($"--symprec must be positive (got {symprec})");
    }

    private static string Json(string potential, RelaxationBatch last, List<RelaxationStep> steps, Structure final, SymmetryDataset? symmetry, string? written) =>
        JsonSerializer.Serialize(new
        {
            potential,
            formula = final.Formula(),
            outcome = last.Outcome.ToString(),
            failure = last.FailureReason,
            steps = steps.Select(s => new
            {
                energy = s.Energy,
                energyPerAtom = s.EnergyPerAtom,
                maxForce = s.MaxForce,
                meanForceNorm = s.MeanForceNorm,
                maxAbsStressGPa = PressureUnits.ToGPa(s.MaxAbsStress),
                pressureGPa = PressureUnits.ToGPa(s.Pressure),
                volume = s.Volume,
            }),
            final = new
            {
                volume = final.Lattice.Volume,
                spaceGroup = symmetry?.InternationalSymbol,
                spaceGroupNumber = symmetry?.SpaceGroupNumber,
            },
            written,
        });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
