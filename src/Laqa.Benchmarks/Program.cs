using Laqa.Benchmarks;
using Laqa.Benchmarks.Cluster;
using Laqa.Benchmarks.Engine;
using Laqa.Benchmarks.Qe;
using Laqa.Benchmarks.Search;
using Laqa.Benchmarks.Status;

// `dotnet run -c Release --project src/Laqa.Benchmarks -- generation|calculators|lammps-library|engine|search|search-table|messages|status|cluster|qe-overhead|ase|journal-scale`:
// each benchmark prints a Markdown section for docs/benchmarks.md, headed by the machine and date.
// The cluster benchmark's worker processes run this executable with the hidden command cluster-worker, the
// journal-scale benchmark's further campaign nodes with journal-node.
if (args.Length > 0 && args[0] == BenchmarkWorkerNode.Command) return BenchmarkWorkerNode.RunAsync(args[1..]).GetAwaiter().GetResult();
if (args.Length > 0 && args[0] == CampaignNodeProcess.Command) return CampaignNodeProcess.RunAsync(args[1..]).GetAwaiter().GetResult();
var benchmarks = new Dictionary<string, Func<string[], int>>
{
    ["generation"] = GenerationBenchmarks.Run,
    ["calculators"] = CalculatorBenchmarks.Run,
    ["lammps-library"] = LammpsLibraryBenchmarks.Run,
    ["engine"] = EngineBenchmarks.Run,
    ["search"] = SearchBenchmarks.Run,
    ["search-table"] = SearchTableBenchmarks.Run,
    ["messages"] = MessageSizeBenchmarks.Run,
    ["status"] = StatusBenchmarks.Run,
    ["cluster"] = ClusterBenchmark.Run,
    ["qe-overhead"] = QeOverheadBenchmark.Run,
    ["ase"] = AseBridgeBenchmarks.Run,
    ["journal-scale"] = JournalScaleBenchmarks.Run,
};
if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Laqa.Benchmarks {string.Join('|', benchmarks.Keys)} [options]");
    return 2;
}
Console.WriteLine(MachineDescription.Heading());
return run(args[1..]);
