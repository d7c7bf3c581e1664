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
/// random Si16 candidate.
/// </summary>
public static class CalculatorBenchmarks
{
    private const int CellSeed = 1;
    private const double SecondsPerRepetition = 1.0;
    private const int RelaxationSteps = 200;

    public static int Run(string[] args)
    {
        Console.WriteLine();
        Console.WriteLine("## Embedded calculators against LAMMPS");
        Console.WriteLine();
        Console.WriteLine($"One evaluation = energy, forces and stress of the whole cell. Ours: `ICalculator.Calculate` on one thread, median of {Repetitions.Default} " +
            $"repetitions of about {SecondsPerRepetition:F0} s after a warm-up. LAMMPS: `{LammpsTiming.Executable}`, 1 process, 1 OpenMP thread, `run N` " +
            "without time integration and with energy and virial tallied every step, median loop time of 3 runs; neighbour lists (skin 0.3 Å) either " +
            "rebuilt every step, as each of our evaluations builds its own, or kept. Cells: 2×2×2 conventional supercells strained by up to 2 % " +
            $"and with every atom displaced by up to {0.1:F1} Å.");
        Console.WriteLine();
        Console.WriteLine("| cell, potential | ours, evaluations/s | LAMMPS, evaluations/s, lists rebuilt | LAMMPS, evaluations/s, lists kept | ours/LAMMPS time per evaluation (rebuilt) | energy difference, eV/atom |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var silicon = BenchmarkCells.Silicon64(CellSeed);
        var ratios = new List<(string Name, double Ratio)>
        {
            Compare("Si64, Tersoff (si-tersoff; LAMMPS tersoff, SiCGe.tersoff Si(C))", PotentialPresets.Create("si-tersoff"), silicon, LammpsModel.SiliconTersoff),
            Compare("Si64, Stillinger–Weber (si-sw; LAMMPS sw, Si.sw)", PotentialPresets.Create("si-sw"), silicon, LammpsModel.SiliconStillingerWeber),
            CompareRigidIons(BenchmarkCells.SodiumChloride64(CellSeed)),
        };
        Console.WriteLine();
        var slower = ratios.Where(r => r.Ratio > 1).ToArray();
        Console.WriteLine(slower.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Target: no slower than LAMMPS per evaluation (lists rebuilt): met for all three; ours takes {ratios.Min(r => r.Ratio):F2}–{ratios.Max(r => r.Ratio):F2}× LAMMPS's time.")
            : string.Create(CultureInfo.InvariantCulture, $"Target: no slower than LAMMPS per evaluation (lists rebuilt): not met for {string.Join("; ", slower.Select(s => $"{s.Name} ({s.Ratio:F2}× LAMMPS's time)"))}."));
        Console.WriteLine();
        Relaxation();
        return 0;
    }

    private static (string, double) Compare(string name, ICalculator calculator, Structure cell, LammpsModel model)
    {
        var ours = SecondsPerEvaluation(calculator, cell, out var energy);
        var lammps = LammpsTiming.Measure(cell, model, SecondsPerRepetition);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {1 / ours:F0} | {1 / lammps.SecondsRebuilt:F0} | {1 / lammps.SecondsKept:F0} | {ours / lammps.SecondsRebuilt:F2} | {Math.Abs(energy - lammps.Energy) / cell.Count:E1} |"));
        return (name, ours / lammps.SecondsRebuilt);
    }

    // LAMMPS is asked for the r.m.s. force error our Ewald parameters give on this cell, measured
    // against our own sum converged to 1e-12 eV/atom.
    private static (string, double) CompareRigidIons(Structure cell)
    {
        var potential = RigidIonPresets.NaClTosiFumiPotential;
        var forces = new RigidIonCalculator(potential).Calculate(cell).Forces;
        var converged = new RigidIonCalculator(potential.WithCoulombAccuracy(1e-12)).Calculate(cell).Forces;
        var squareSum = 0.0;
        for (var i = 0; i < forces.Length; i++) squareSum += (forces[i] - converged[i]) * (forces[i] - converged[i]);
        var rmsForceError = Math.Sqrt(squareSum / cell.Count);
        var relative = rmsForceError / EwaldSummation.CoulombConstant;
        var name = string.Create(CultureInfo.InvariantCulture,
            $"Na32Cl32, Born–Mayer–Huggins + Ewald (nacl-bmh, r.m.s. force error {rmsForceError:E1} eV/Å; LAMMPS born/coul/long + ewald {relative:E1})");
        return Compare(name, new RigidIonCalculator(potential), cell, LammpsModel.BornMayerHugginsEwald(potential, "Na", "Cl", relative));
    }

    private static double SecondsPerEvaluation(ICalculator calculator, Structure cell, out double energy)
    {
        var result = calculator.Calculate(cell);
        if (!result.Succeeded) throw new InvalidOperationException($"{calculator.Name} failed on the benchmark cell: {result.Failure}");
        energy = result.Energy;
        var probe = Repetitions.MedianSeconds(() => calculator.Calculate(cell), 1);
        var count = Repetitions.Fitting(SecondsPerRepetition, probe);
        return Repetitions.MedianSeconds(() =>
        {
            for (var k = 0; k < count; k++) calculator.Calculate(cell);
        }) / count;
    }

    private static void Relaxation()
    {
        var composition = Composition.Parse("Si16");
        var start = new StructureGenerator(GenerationRequest.Default(composition, SpaceGroupSelection.All), CellSeed).Generate(0);
        var tersoff = PotentialPresets.Create("si-tersoff");
        var relaxer = new FireRelaxer(tersoff);
        var steps = relaxer.Advance(RelaxationState.Start(start.Structure), RelaxationSteps).Steps.Count;
        var seconds = Repetitions.MedianSeconds(() => relaxer.Advance(RelaxationState.Start(start.Structure), RelaxationSteps));
        var evaluation = SecondsPerEvaluation(tersoff, start.Structure, out _);
        var lammps = LammpsTiming.Measure(start.Structure, LammpsModel.SiliconTersoff, SecondsPerRepetition);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FIRE relaxation (atoms and cell, ASE's defaults) with si-tersoff of a random Si16 candidate (seed {CellSeed}, candidate 0, {start.SpaceGroupSymbol}), " +
            $"the first {steps} steps from the start, median of {Repetitions.Default} repetitions:"));
        Console.WriteLine();
        Console.WriteLine("| relaxation | steps/s | our evaluations/s on the start cell | LAMMPS evaluations/s on the start cell, lists rebuilt | step time / LAMMPS evaluation time |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Si16, FIRE, si-tersoff | {steps / seconds:F0} | {1 / evaluation:F0} | {1 / lammps.SecondsRebuilt:F0} | {seconds / steps / lammps.SecondsRebuilt:F2} |"));
    }
}
