using System.Diagnostics;
using System.Globalization;
using Laqa.Calculators.Ase;
using Laqa.Crystal;

namespace Laqa.Benchmarks;

/// <summary>
/// The cost of the ASE bridge per single point (energy, forces, stress) of a 16-atom cell: ASE's EMT
/// through the bridge from C# against EMT called in one Python process, and the same for a calculator
/// that returns zeros (what is left is the bridge and ASE's own property machinery). Both sides
/// evaluate the same sequence of slightly displaced cells, in alternating rounds. Timed by CPU time
/// (for the bridge: the calling thread's and every process of the interpreter's session), so that
/// other processes sharing the machine do not count, and by the wall clock, which they lengthen.
/// </summary>
public static class AseBridgeBenchmarks
{
    private const string Python = "/usr/bin/python3";
    private const int Cells = 30;
    private const int Rounds = 2;
    // EMT in Python takes milliseconds per point; the zero calculator needs more passes to stand above the 10 ms ticks.
    private const int EmtPasses = 1;
    private const int ZeroPasses = 20;
    // /proc/PID/stat counts CPU time in USER_HZ ticks, 100 per second on Linux.
    private const double TicksPerSecond = 100;
    private const double TargetMilliseconds = 1.0;

    private const string ZeroCalculator = """
        import numpy as np
        from ase.calculators.calculator import Calculator, all_changes

        class Zero(Calculator):
            implemented_properties = ["energy", "forces", "stress"]

            def calculate(self, atoms=None, properties=["energy"], system_changes=all_changes):
                super().calculate(atoms, properties, system_changes)
                self.results = {"energy": 0.0, "forces": np.zeros((len(self.atoms), 3)), "stress": np.zeros(6)}

        def make_calculator():
            return Zero()
        """;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var cells = DisplacedCells();
        Console.WriteLine();
        Console.WriteLine("## ASE bridge (issue 15)");
        Console.WriteLine();
        Console.WriteLine($"Load average at the start: {LoadAverage()}.");
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant,
            $"One single point = energy, forces and stress of Cu16 (2×2×1 conventional fcc cells, a = 3.61 Å, strained, atoms displaced by up to 0.1 Å), " +
            $"{Cells} such cells each displaced by up to 0.01 Å more, evaluated in turn. Bridge: `AseCalculator.Calculate` from C# (a JSON line each way, " +
            $"the interpreter's Atoms updated in place), {EmtPasses} pass over the cells per repetition with EMT, {ZeroPasses} with the zero calculator, best of {Repetitions.Default} repetitions; CPU time = " +
            $"the calling thread's (`CLOCK_THREAD_CPUTIME_ID`) + that of every process of the interpreter's session (guard, shell, Python; `/proc/PID/stat`, 10 ms ticks). " +
            $"In-process: the same cells in one `{Python}` process (`atoms.set_cell`, `set_positions`, then `get_potential_energy`, `get_forces`, `get_stress`), " +
            $"timed there with `time.process_time` and `time.perf_counter`, the same repetitions. Bridge and Python alternate, best of {Rounds} rounds. " +
            $"The wall-clock figures count waiting for the other processes of a loaded machine; a round trip through the bridge wakes three processes."));
        Console.WriteLine();
        Console.WriteLine("| calculator | in-process, CPU ms per single point | bridge, CPU ms per single point | overhead, CPU ms | in-process, wall ms | bridge, wall ms | overhead, wall ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var emt = Measure("EMT (`ase.calculators.emt:EMT`)", new AseSettings { Python = Python, Calculator = "ase.calculators.emt:EMT" },
            "from ase.calculators.emt import EMT\ncalculator = EMT()", cells, EmtPasses);
        var zero = Measure("zeros (a `Calculator` returning 0)", new AseSettings { Python = Python, File = "zero.py", FileSource = ZeroCalculator },
            ZeroCalculator + "\ncalculator = make_calculator()", cells, ZeroPasses);
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant,
            $"Target: bridge overhead below {TargetMilliseconds} ms per single point for 16 atoms: {(zero < TargetMilliseconds ? "met" : "not met")} in CPU time, {zero:F3} ms " +
            $"measured with the zero calculator ({emt:F3} ms as the difference of the EMT timings, which carry EMT's own scatter)."));
        Console.WriteLine();
        Console.WriteLine("Reproduce: `dotnet run -c Release --project src/Laqa.Benchmarks -- ase` (a few minutes on a loaded 2-core machine; needs Debian's `python3-ase`).");
        return 0;
    }

    /// <summary>Prints a row and returns the overhead in CPU time (ms per single point).</summary>
    private static double Measure(string name, AseSettings settings, string pythonCalculator, Structure[] cells, int passes)
    {
        using var calculator = new AseCalculator(settings);
        void Sweeps()
        {
            for (var pass = 0; pass < passes; pass++)
                foreach (var cell in cells)
                    if (!calculator.Calculate(cell).Succeeded) throw new InvalidOperationException($"{name} failed through the bridge");
        }
        Sweeps();
        var session = calculator.Interpreters.Single().Session;
        double BridgeCpuSeconds() => CpuTime.ThreadSeconds() + SessionTicks(session) / TicksPerSecond;
        var perPoint = 1000.0 / (passes * cells.Length);
        double bridgeCpu = double.PositiveInfinity, bridgeWall = double.PositiveInfinity, inProcessCpu = double.PositiveInfinity, inProcessWall = double.PositiveInfinity;
        for (var round = 0; round < Rounds; round++)
        {
            bridgeCpu = Math.Min(bridgeCpu, perPoint * Repetitions.BestSeconds(Sweeps, BridgeCpuSeconds));
            bridgeWall = Math.Min(bridgeWall, perPoint * Repetitions.BestSeconds(Sweeps));
            var (cpu, wall) = InProcessMilliseconds(pythonCalculator, cells, passes);
            (inProcessCpu, inProcessWall) = (Math.Min(inProcessCpu, cpu), Math.Min(inProcessWall, wall));
        }
        Console.WriteLine(string.Create(Invariant,
            $"| {name} | {inProcessCpu:F3} | {bridgeCpu:F3} | {bridgeCpu - inProcessCpu:F3} | {inProcessWall:F3} | {bridgeWall:F3} | {bridgeWall - inProcessWall:F3} |"));
        return bridgeCpu - inProcessCpu;
    }

    /// <summary>User and system CPU ticks (fields 14 and 15 of /proc/PID/stat) of the live processes of a session.</summary>
    private static long SessionTicks(int session)
    {
        long ticks = 0;
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, Invariant, out _)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                // Fields after "comm) ": state is field 3, session field 6, utime 14, stime 15.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[3], Invariant) == session) ticks += long.Parse(fields[11], Invariant) + long.Parse(fields[12], Invariant);
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }
        return ticks;
    }

    /// <summary>Best CPU and wall milliseconds per single point over the cells, timed inside one Python process.</summary>
    private static (double Cpu, double Wall) InProcessMilliseconds(string pythonCalculator, Structure[] cells, int passes)
    {
        static string Numbers(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("R", Invariant)));
        var lattices = string.Join(",\n", cells.Select(c => $"[{Numbers(Enumerable.Range(0, 3).SelectMany(i => new[] { c.Lattice[i].X, c.Lattice[i].Y, c.Lattice[i].Z }))}]"));
        var positions = string.Join(",\n", cells.Select(c => $"[{Numbers(c.Cartesian().SelectMany(p => new[] { p.X, p.Y, p.Z }))}]"));
        var script = string.Create(Invariant, $$"""
            import time, ase, numpy as np
            {{pythonCalculator}}
            cells = np.array([{{lattices}}]).reshape(-1, 3, 3)
            positions = np.array([{{positions}}]).reshape(len(cells), -1, 3)
            atoms = ase.Atoms("Cu{{cells[0].Count}}", cell=cells[0], positions=positions[0], pbc=True)
            atoms.calc = calculator
            def sweep():
                for cell, position in zip(cells, positions):
                    atoms.set_cell(cell)
                    atoms.set_positions(position)
                    atoms.get_potential_energy(); atoms.get_forces(); atoms.get_stress()
            sweep()
            best = {time.process_time: float("inf"), time.perf_counter: float("inf")}
            for clock in best:
                for _ in range({{Repetitions.Default}}):
                    start = clock()
                    for _ in range({{passes}}):
                        sweep()
                    best[clock] = min(best[clock], clock() - start)
            print(*(repr(1000 * b / ({{passes}} * len(cells))) for b in best.values()))

            """);
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Python} failed: {error.Result}");
        var numbers = output.Result.Split(' ', StringSplitOptions.TrimEntries).Select(x => double.Parse(x, Invariant)).ToArray();
        return (numbers[0], numbers[1]);
    }

    /// <summary>Cu16, strained and displaced (seed 1), then each of the cells displaced by up to 0.01 Å more.</summary>
    private static Structure[] DisplacedCells()
    {
        var random = new Random(1);
        Vec3[] fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];
        var lattice = new Lattice(new Vec3(7.22, 0.04, 0.0), new Vec3(0.03, 7.25, 0.05), new Vec3(0.0, 0.02, 3.6));
        var fractional = fcc.SelectMany(f => new[] { f, f + new Vec3(1, 0, 0), f + new Vec3(0, 1, 0), f + new Vec3(1, 1, 0) })
            .Select(f => new Vec3(f.X / 2, f.Y / 2, f.Z)).ToArray();
        Vec3 Jitter(double size) => new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * (2 * size / Math.Sqrt(3));
        var start = fractional.Select(f => lattice.ToCartesian(f) + Jitter(0.1)).ToArray();
        return [.. Enumerable.Range(0, Cells).Select(_ => Structure.FromCartesian(lattice, Enumerable.Repeat("Cu", start.Length), start.Select(p => p + Jitter(0.01))))];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
