using Laqa.Calculators.External;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Laqa.Crystal;

namespace Laqa.Benchmarks;

/// <summary>
/// Times Debian's LAMMPS (`lmp`, one process, one OpenMP thread) on one cell: energy, forces and
/// virial on every step of `run N` without time integration, so the atoms stay put and each step is
/// one evaluation. LAMMPS tallies energy and virial only on steps something asks for them, so a
/// fix ave/time asks for the energy and pressure every step. Two regimes: neighbour lists rebuilt
/// every step (as each of our evaluations builds its own), and lists kept (LAMMPS's advantage in
/// MD, where lists outlive many steps). The per-step time is the CPU time of the loop, the "Loop
/// time" LAMMPS prints times its "% CPU use", best of three runs.
/// </summary>
public static partial class LammpsTiming
{
    private const int ProbeSteps = 200;
    private const int Runs = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>LAMMPS's energy (eV) of the cell and its CPU seconds per evaluation with lists rebuilt and kept.</summary>
    public sealed record Result(double Energy, double SecondsRebuilt, double SecondsKept);

    public static Result Measure(Structure structure, LammpsModel model, double secondsPerRun)
    {
        var folder = Directory.CreateTempSubdirectory("laqa-bench-lammps-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "cell.data"), LammpsDataFile.Write(structure, model));
            var probe = Run(folder.FullName, Input(model, ProbeSteps, 1));
            // Calibrated on the wall clock, which is never shorter than the CPU time.
            var steps = Repetitions.Fitting(secondsPerRun, probe.FirstWallSecondsPerStep);
            var timed = Run(folder.FullName, Input(model, steps, Runs));
            return new Result(timed.Energy, timed.Rebuilt.Min(), timed.Kept.Min());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Input(LammpsModel model, int steps, int runs)
    {
        var text = new StringBuilder($"""
            units metal
            atom_style {(model.Charges is null ? "atomic" : "charge")}
            boundary p p p
            box tilt large
            read_data cell.data
            {model.Commands}
            thermo_style custom step pe press
            run 0
            print "LAQA_ENERGY $(pe:%.15g)"
            fix everyStep all ave/time 1 1 1 c_thermo_pe c_thermo_press[*]
            neighbor 0.3 bin
            thermo {steps}

            """);
        text.AppendLine("neigh_modify every 1 delay 0 check no");
        for (var k = 0; k < runs; k++) text.AppendLine(Invariant, $"print \"LAQA_REBUILT\"\nrun {steps}");
        text.AppendLine("neigh_modify every 1 delay 0 check yes");
        for (var k = 0; k < runs; k++) text.AppendLine(Invariant, $"print \"LAQA_KEPT\"\nrun {steps}");
        return text.ToString();
    }

    private sealed record Timings(double Energy, double FirstWallSecondsPerStep, double[] Rebuilt, double[] Kept);

    private static Timings Run(string folder, string input)
    {
        var log = LammpsProcess.Run(folder, input);

        var energy = double.NaN;
        var rebuilt = new List<double>();
        var kept = new List<double>();
        List<double>? current = null;
        var wallSecondsPerStep = double.NaN;
        var firstWallSecondsPerStep = double.NaN;
        foreach (var line in log)
        {
            if (line.StartsWith("LAQA_ENERGY ", StringComparison.Ordinal)) energy = double.Parse(line["LAQA_ENERGY ".Length..], Invariant);
            else if (line == "LAQA_REBUILT") current = rebuilt;
            else if (line == "LAQA_KEPT") current = kept;
            else if (current is not null && LoopTime().Match(line) is { Success: true } loop)
                wallSecondsPerStep = double.Parse(loop.Groups["seconds"].Value, Invariant) / int.Parse(loop.Groups["steps"].Value, Invariant);
            else if (current is not null && !double.IsNaN(wallSecondsPerStep) && CpuUse().Match(line) is { Success: true } use)
            {
                current.Add(wallSecondsPerStep * double.Parse(use.Groups["percent"].Value, Invariant) / 100);
                if (double.IsNaN(firstWallSecondsPerStep)) firstWallSecondsPerStep = wallSecondsPerStep;
                current = null;
                wallSecondsPerStep = double.NaN;
            }
        }
        if (double.IsNaN(energy) || rebuilt.Count == 0) throw new InvalidOperationException($"LAMMPS log has no energy or loop time:\n{string.Join("\n", log.TakeLast(15))}");
        return new Timings(energy, firstWallSecondsPerStep, [.. rebuilt], [.. kept]);
    }

    [GeneratedRegex(@"^Loop time of (?<seconds>[0-9.eE+-]+) on 1 procs for (?<steps>[0-9]+) steps")]
    private static partial Regex LoopTime();

    [GeneratedRegex(@"^(?<percent>[0-9.]+)% CPU use with 1 MPI tasks")]
    private static partial Regex CpuUse();
}
