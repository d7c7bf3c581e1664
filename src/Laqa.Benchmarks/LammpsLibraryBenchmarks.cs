using System.Globalization;
using Laqa.Calculators.Lammps;
using Laqa.Crystal;

namespace Laqa.Benchmarks;

/// <summary>
/// Time per evaluation (energy, forces, stress) of <see cref="LammpsCalculator"/> — LAMMPS's library in
/// its host process, one message each way, `run 1 pre no` with lists rebuilt — against `lmp`
/// evaluating the same cell every step of `run N` with lists rebuilt (<see cref="LammpsTiming"/>), in
/// alternating rounds.
/// </summary>
public static class LammpsLibraryBenchmarks
{
    private const int CellSeed = 1;
    private const int Rounds = 3;
    private const double SecondsPerRepetition = 0.3;
    private const double WarmUpSeconds = 1.0;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        Console.WriteLine();
        Console.WriteLine("## LAMMPS as a library against lmp");
        Console.WriteLine();
        Console.WriteLine(string.Create(Invariant,
            $"Library: `LammpsSession.Evaluate`, what `LammpsCalculator.Calculate` runs (liblammps0 in a host process per instance; per evaluation one message each way, `lammps_scatter_atoms` and `run 1 pre no post no`, which re-neighbours; the same cell every time, so no `change_box`), " +
            $"CPU time of the whole benchmark process plus that of the host process (clock_gettime on their CPU clocks, to the nanosecond; so that other processes sharing the machine do not count), best of {Rounds} × {Repetitions.Default} repetitions of about {SecondsPerRepetition} s after {WarmUpSeconds} s of warm-up; the host's share is over all timed repetitions. " +
            $"lmp: as in the table above (`run N`, lists rebuilt every step, loop time × CPU use), best of {Rounds} × 3 runs. Rounds alternate."));
        Console.WriteLine();
        Console.WriteLine("| cell | pair style | library, µs/evaluation | of which host process | lmp, µs/evaluation, lists rebuilt | library/lmp | energy difference, eV/atom |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var eam = $"{LammpsModel.PotentialDirectory}/Cu_zhou.eam.alloy";
        var tersoff = $"{LammpsModel.PotentialDirectory}/SiCGe.tersoff";
        var copper = BenchmarkCells.Copper32(CellSeed);
        Compare("Cu32", "eam/alloy (Cu_zhou.eam.alloy)", copper, Settings("Cu", "eam/alloy", $"* * {eam} Cu"), new LammpsModel(["Cu"], $"pair_style eam/alloy\npair_coeff * * {eam} Cu"));
        var copper4 = new Structure(copper.Lattice.Scaled(0.5), Enumerable.Repeat("Cu", 4), copper.Fractional.Take(4).Select(f => f * 2).Select(f => f.Wrapped()));
        Compare("Cu4", "eam/alloy (Cu_zhou.eam.alloy)", copper4, Settings("Cu", "eam/alloy", $"* * {eam} Cu"), new LammpsModel(["Cu"], $"pair_style eam/alloy\npair_coeff * * {eam} Cu"));
        Compare("Si64", "tersoff (SiCGe.tersoff Si(C))", BenchmarkCells.Silicon64(CellSeed), Settings("Si", "tersoff", $"* * {tersoff} Si(C)"), LammpsModel.SiliconTersoff);
        Console.WriteLine();
        return 0;
    }

    private static LammpsSettings Settings(string species, string pairStyle, string pairCoeff) =>
        new([species], new Dictionary<string, double> { [species] = Elements.Get(species).Mass }, pairStyle, [pairCoeff]);

    private static void Compare(string cellName, string style, Structure cell, LammpsSettings settings, LammpsModel model)
    {
        using var session = new LammpsSession();
        var result = session.Evaluate(cell, settings);
        double HostSeconds() => CpuTime.ProcessSeconds(session.HostProcessId);
        double CpuSeconds() => CpuTime.ProcessSeconds() + HostSeconds();
        Repetitions.WarmUp(() => session.Evaluate(cell, settings), WarmUpSeconds, CpuSeconds);
        var count = Repetitions.Fitting(SecondsPerRepetition, Repetitions.BestSeconds(() => session.Evaluate(cell, settings), count: 1));
        var library = double.PositiveInfinity;
        var lmp = double.PositiveInfinity;
        var lmpEnergy = double.NaN;
        double hostSeconds = 0, totalSeconds = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var (hostBefore, totalBefore) = (HostSeconds(), CpuSeconds());
            library = Math.Min(library, Repetitions.BestSeconds(() =>
            {
                for (var k = 0; k < count; k++) session.Evaluate(cell, settings);
            }, CpuSeconds) / count);
            hostSeconds += HostSeconds() - hostBefore;
            totalSeconds += CpuSeconds() - totalBefore;
            var timing = LammpsTiming.Measure(cell, model, SecondsPerRepetition);
            lmp = Math.Min(lmp, timing.SecondsRebuilt);
            lmpEnergy = timing.Energy;
        }
        Console.WriteLine(string.Create(Invariant,
            $"| {cellName} | {style} | {library * 1e6:F1} | {hostSeconds / totalSeconds:P0} | {lmp * 1e6:F1} | {library / lmp:F2} | {Math.Abs(result.Energy - lmpEnergy) / cell.Count:0.0e+0} |"));
    }
}
