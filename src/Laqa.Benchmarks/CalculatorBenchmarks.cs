using System.Globalization;
using Laqa.Calculators;
using Laqa.Calculators.Potentials;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Crystal.Generation;

namespace Laqa.Benchmarks;

/// <summary>
/// Energy + forces + stress evaluations per second of the embedded potentials on one thread, against
/// LAMMPS on the same cells in the same run, and the steps per second of a FIRE relaxation of a
/// random Si16 candidate. Ours and LAMMPS are timed in alternating rounds, so that both see the
/// same load from other processes.
/// </summary>
public static class CalculatorBenchmarks
{
    private const int CellSeed = 1;
    private const int Rounds = 3;
    private const double SecondsPerRepetition = 0.3;
    private const double WarmUpSeconds = 1.0;
    private const int RelaxationSteps = 200;

    private const string SiliconTersoffName = "Tersoff (si-tersoff; tersoff, SiCGe.tersoff Si(C))";

    private const string TableHeader =
        "| cell | potential (ours; LAMMPS) | ours, evaluations/s | LAMMPS, evaluations/s, lists rebuilt | LAMMPS, evaluations/s, lists kept | ours/LAMMPS time per evaluation, lists rebuilt | energy difference, eV/atom |\n" +
        "|---|---|---:|---:|---:|---:|---:|";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        Console.WriteLine();
        Console.WriteLine("## Embedded calculators against LAMMPS");
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant,
            $"One evaluation = energy, forces and stress of the whole cell; rates are per second of CPU time of the one evaluating thread, so that other " +
            $"processes sharing the machine do not count (on a quiet machine they equal wall-clock rates). Ours: `ICalculator.Calculate`, thread CPU clock, best of " +
            $"{Rounds} × {Repetitions.Default} repetitions of about {SecondsPerRepetition} s after {WarmUpSeconds} s of warm-up. LAMMPS: `{Laqa.Calculators.External.LammpsProcess.Executable}`, 1 process, " +
            $"1 OpenMP thread, `run N` without time integration and with energy and virial tallied every step, its loop time × its CPU use, best of {Rounds} × 3 runs; neighbour lists (skin 0.3 Å) either " +
            $"rebuilt every step, as each of our evaluations builds its own, or kept. Ours and LAMMPS alternate round by round. Cells: 2×2×2 conventional " +
            $"supercells strained by up to 2 % and with every atom displaced by up to {BenchmarkCells.MaxDisplacement} Å."));
        Console.WriteLine();
        Console.WriteLine(TableHeader);
        var silicon = BenchmarkCells.Silicon64(CellSeed);
        var sodiumChloride = BenchmarkCells.SodiumChloride64(CellSeed);
        var potential = RigidIonPresets.NaClTosiFumiPotential;
        var rmsForceError = EwaldForceError(potential, sodiumChloride);
        var relativeAccuracy = rmsForceError / EwaldSummation.CoulombConstant;
        (string Name, double Ratio)[] ratios =
        [
            Compare("Si64", SiliconTersoffName, PotentialPresets.Create("si-tersoff"), silicon, LammpsModel.SiliconTersoff),
            Compare("Si64", "Stillinger–Weber (si-sw; sw, Si.sw)", PotentialPresets.Create("si-sw"), silicon, LammpsModel.SiliconStillingerWeber),
            Compare("Na32Cl32", "Born–Mayer–Huggins + Ewald (nacl-bmh; born/coul/long + ewald)", new RigidIonCalculator(potential), sodiumChloride,
                LammpsModel.BornMayerHugginsEwald(potential, "Na", "Cl", relativeAccuracy)),
        ];
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant,
            $"For Na32Cl32 our Ewald parameters (chosen for {potential.CoulombAccuracy:0e+0} eV/atom) give an r.m.s. force error of {rmsForceError:0.0e+0} eV/Å " +
            $"against our sum converged to 1e-12 eV/atom; LAMMPS is asked for the same (`kspace_style ewald {relativeAccuracy:0.0e+0}`, relative to the force " +
            $"between two unit charges 1 Å apart) with its {potential.ShortRangeCutoff} Å cut-off and default erfc table."));
        Console.WriteLine();
        var slower = ratios.Where(r => r.Ratio > 1).ToArray();
        Console.WriteLine(slower.Length == 0
            ? string.Create(Invariant, $"Target: no slower than LAMMPS per evaluation (lists rebuilt): met for all three; ours takes {ratios.Min(r => r.Ratio):F2}–{ratios.Max(r => r.Ratio):F2}× LAMMPS's time.")
            : string.Create(Invariant, $"Target: no slower than LAMMPS per evaluation (lists rebuilt): not met for {string.Join("; ", slower.Select(s => $"{s.Name} ({s.Ratio:F2}× LAMMPS's time)"))}."));
        Console.WriteLine();
        Relaxation();
        return 0;
    }

    private static (string, double) Compare(string cellName, string potentialName, ICalculator calculator, Structure cell, LammpsModel model)
    {
        var (ours, lammps, energy) = Alternating(calculator, cell, model);
        Console.WriteLine(string.Create(Invariant,
            $"| {cellName} | {potentialName} | {1 / ours:F0} | {1 / lammps.SecondsRebuilt:F0} | {1 / lammps.SecondsKept:F0} | {ours / lammps.SecondsRebuilt:F2} | {Math.Abs(energy - lammps.Energy) / cell.Count:0.0e+0} |"));
        return ($"{cellName} {calculator.Name}", ours / lammps.SecondsRebuilt);
    }

    /// <summary>Our best seconds per evaluation, LAMMPS's best, and our energy, from alternating rounds.</summary>
    private static (double Ours, LammpsTiming.Result Lammps, double Energy) Alternating(ICalculator calculator, Structure cell, LammpsModel model)
    {
        var result = calculator.Calculate(cell);
        if (!result.Succeeded) throw new InvalidOperationException($"{calculator.Name} failed on the benchmark cell: {result.Failure}");
        Repetitions.WarmUp(() => calculator.Calculate(cell), WarmUpSeconds, CpuTime.ThreadSeconds);
        var count = Repetitions.Fitting(SecondsPerRepetition, Repetitions.BestSeconds(() => calculator.Calculate(cell), count: 1));
        var ours = double.PositiveInfinity;
        LammpsTiming.Result? lammps = null;
        for (var round = 0; round < Rounds; round++)
        {
            ours = Math.Min(ours, Repetitions.BestSeconds(() =>
            {
                for (var k = 0; k < count; k++) calculator.Calculate(cell);
            }, CpuTime.ThreadSeconds) / count);
            var next = LammpsTiming.Measure(cell, model, SecondsPerRepetition);
            lammps = lammps is null ? next : new LammpsTiming.Result(next.Energy,
                Math.Min(lammps.SecondsRebuilt, next.SecondsRebuilt), Math.Min(lammps.SecondsKept, next.SecondsKept));
        }
        return (ours, lammps!, result.Energy);
    }

    /// <summary>R.m.s. over atoms of |ΔF| (eV/Å) between our default Ewald sum and one converged to 1e-12 eV/atom.</summary>
    private static double EwaldForceError(RigidIonPotential potential, Structure cell)
    {
        var forces = new RigidIonCalculator(potential).Calculate(cell).Forces;
        var converged = new RigidIonCalculator(potential.WithCoulombAccuracy(1e-12)).Calculate(cell).Forces;
        var squareSum = 0.0;
        for (var i = 0; i < forces.Length; i++) squareSum += (forces[i] - converged[i]) * (forces[i] - converged[i]);
        return Math.Sqrt(squareSum / cell.Count);
    }

    private static void Relaxation()
    {
        // The primitive Si16 cell the documented relaxation figures were measured on.
        var start = new StructureGenerator(GenerationRequest.Default(Composition.Parse("Si16"), SpaceGroupSelection.All) with { Primitive = true }, CellSeed).Generate(0);
        var tersoff = PotentialPresets.Create("si-tersoff");
        var relaxer = new FireRelaxer(tersoff);
        Repetitions.WarmUp(() => relaxer.Advance(RelaxationState.Start(start.Structure), RelaxationSteps), WarmUpSeconds, CpuTime.ThreadSeconds);
        var batch = relaxer.Advance(RelaxationState.Start(start.Structure), RelaxationSteps);
        var steps = batch.Steps.Count;
        var seconds = double.PositiveInfinity;
        for (var round = 0; round < Rounds; round++)
            seconds = Math.Min(seconds, Repetitions.BestSeconds(() => relaxer.Advance(RelaxationState.Start(start.Structure), RelaxationSteps), CpuTime.ThreadSeconds));
        Console.WriteLine(string.Create(Invariant,
            $"FIRE relaxation (atoms and cell, ASE's defaults) with si-tersoff of a random Si16 candidate (seed {CellSeed}, candidate 0, {start.SpaceGroupSymbol}): " +
            $"a batch of up to {RelaxationSteps} steps from the start, which ended {batch.Outcome.ToString().ToLowerInvariant()} after {steps} steps, " +
            $"best of {Rounds} × {Repetitions.Default} repetitions on the thread CPU clock: **{steps / seconds:F0} steps/s** ({seconds / steps * 1e6:F0} µs per step: one evaluation " +
            $"plus the optimizer's update of atoms and cell). Single evaluations of its first and last cell against LAMMPS:"));
        Console.WriteLine();
        Console.WriteLine(TableHeader);
        Compare($"Si16 start ({start.SpaceGroupSymbol})", SiliconTersoffName, tersoff, start.Structure, LammpsModel.SiliconTersoff);
        Compare($"Si16 after {steps} FIRE steps", SiliconTersoffName, tersoff, batch.Next.Structure, LammpsModel.SiliconTersoff);
    }
}
