using System.Globalization;
using Laqa.Crystal;
using Laqa.Crystal.Generation;

namespace Laqa.Benchmarks;

/// <summary>
/// Random symmetric structures per second, as `laqa generate --spg all` makes them: candidates
/// 0..n−1 of one seed on one thread and on all cores, and the attempts (space group, Wyckoff
/// choice, lattice and positions) each valid structure took. Also checks that both runs give the
/// same structures, since candidate i of seed s must not depend on the threads.
/// </summary>
public static class GenerationBenchmarks
{
    private const long Seed = 1;
    private const double SecondsPerRepetition = 1.0;
    private const double WarmUpSeconds = 1.0;
    private const double TargetPerCore = 500.0;
    private const string TargetComposition = "Li12P4S16";
    private static readonly string[] Compositions = [TargetComposition, "Si16", "Na8Cl8", "Al4O6"];

    public static int Run(string[] args)
    {
        var cores = Environment.ProcessorCount;
        Console.WriteLine();
        Console.WriteLine("## Structure generation");
        Console.WriteLine();
        Console.WriteLine($"Valid symmetric structures per second, space groups `all`, primitive cells, default distances and volume, seed {Seed}; " +
            $"best of {Repetitions.Default} repetitions of about {SecondsPerRepetition:F0} s each after {WarmUpSeconds:F0} s of warm-up. One thread: candidates in turn on the timing thread, timed by its CPU clock, so that other processes sharing the machine do not count; {cores} threads: `Parallel.For` as `laqa generate` runs it, timed by the wall clock, so it suffers from any other load.");
        Console.WriteLine();
        Console.WriteLine($"| composition | feasible space groups | structures/s, 1 thread | structures/s, {cores} threads | per core, {cores} threads | attempts per structure | same structures on 1 and {cores} threads |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        var singleThread = new Dictionary<string, double>();
        foreach (var formula in Compositions)
        {
            var row = Measure(Composition.Parse(formula), cores);
            singleThread[formula] = row.SingleThread;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {formula} | {row.FeasibleGroups} | {row.SingleThread:F0} | {row.AllCores:F0} | {row.AllCores / cores:F0} | {row.AttemptsPerStructure:F2} | {(row.Deterministic ? "yes" : "NO")} |"));
        }
        var target = singleThread[TargetComposition];
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Target: at least {TargetPerCore:F0} valid {TargetComposition} structures per second per core; measured {target:F0} on one thread " +
            $"({(target >= TargetPerCore ? "met" : "not met")}, {target / TargetPerCore:F2}× the target)."));
        return 0;
    }

    private sealed record Row(int FeasibleGroups, double SingleThread, double AllCores, double AttemptsPerStructure, bool Deterministic);

    private static Row Measure(Composition composition, int cores)
    {
        // Primitive cells, as docs/benchmarks.md reports them.
        var generator = new StructureGenerator(GenerationRequest.Default(composition, SpaceGroupSelection.All) with { Primitive = true }, Seed);
        Repetitions.WarmUp(() => GenerateOnThisThread(generator, 200), WarmUpSeconds, CpuTime.ThreadSeconds);
        var count = Repetitions.Fitting(SecondsPerRepetition, Repetitions.BestSeconds(() => GenerateOnThisThread(generator, 200), count: 1) / 200);
        var single = Repetitions.BestSeconds(() => GenerateOnThisThread(generator, count), CpuTime.ThreadSeconds);
        var parallel = Repetitions.BestSeconds(() => Generate(generator, count, cores));
        var one = GenerateOnThisThread(generator, count);
        var all = Generate(generator, count, cores);
        var attempts = one.Sum(g => (double)g.Attempts) / count;
        var deterministic = one.Zip(all, (a, b) => Same(a.Structure, b.Structure)).All(same => same);
        return new Row(generator.FeasibleGroups.Count, count / single, count / parallel, attempts, deterministic);
    }

    private static GeneratedStructure[] GenerateOnThisThread(StructureGenerator generator, int count)
    {
        var structures = new GeneratedStructure[count];
        for (var i = 0; i < count; i++) structures[i] = generator.Generate(i);
        return structures;
    }

    private static GeneratedStructure[] Generate(StructureGenerator generator, int count, int threads)
    {
        var structures = new GeneratedStructure[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => structures[i] = generator.Generate(i));
        return structures;
    }

    private static bool Same(Structure a, Structure b) =>
        a.Species.SequenceEqual(b.Species) && a.Fractional.SequenceEqual(b.Fractional)
        && a.Lattice.A == b.Lattice.A && a.Lattice.B == b.Lattice.B && a.Lattice.C == b.Lattice.C;
}
