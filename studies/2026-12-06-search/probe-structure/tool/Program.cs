// Throw-away: relax every candidate of each seed to its end (as StepRecorder), keep H and F at every step and the
// structure at steps 5, 10, 20 and the end; write per seed JSON with steps and Oganov–Valle cosine distances
// (StructureFingerprint) between each candidate's probe structure and every candidate's final structure.
using System.Text.Json;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Crystal.Fingerprints;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Engine.Workers;
using Laqa.Search;
using Laqa.Engine;

var config = args[0]; var seeds = args[1].Split('-').Select(int.Parse).ToArray(); var outDir = args[2];
var settings = args.Skip(3).ToArray();
var folder = Path.GetDirectoryName(Path.GetFullPath(config));
var text = File.ReadAllText(config);
int[] probes = [5, 10, 20];
Directory.CreateDirectory(outDir);
for (var seed = seeds[0]; seed <= seeds[^1]; seed++)
{
    var path = Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(config)}-{seed}.json");
    if (File.Exists(path)) continue;
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var campaignText = string.Join('\n', [text, $"laqa.seed = {seed}", .. settings]);
    var spec = CampaignConfigLoader.Load(campaignText, folder);
    var components = CampaignComponents.From(spec);
    var n = spec.InitialStructures;
    var results = new Cand[n];
    Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 2 }, id => results[id] = Relax(id, components.Structures, components.RelaxerFactory(), spec));
    var fps = results.Select(r => r.Structures.Select(Fp).ToArray()).ToArray(); // [id][probe 5,10,20,end]
    // dist[p][i][j]: probe p of i (p = 3: final of i) against final of j
    var dist = new double[4][][];
    for (var p = 0; p < 4; p++)
        dist[p] = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j =>
            fps[i][p] is { } a && fps[j][3] is { } b ? Math.Round(a.DistanceTo(b), 6) : -1.0).ToArray()).ToArray();
    var json = new { seed, status = results.Select(r => r.Status).ToArray(), h = results.Select(r => r.H).ToArray(), f = results.Select(r => r.F).ToArray(), dist };
    File.WriteAllText(path, JsonSerializer.Serialize(json));
    Console.Error.WriteLine($"{config} seed {seed}: {results.Sum(r => r.H.Count)} steps, {clock.Elapsed.TotalSeconds:F1} s");
}
return 0;

static StructureFingerprint? Fp(Structure? s)
{
    if (s is null || !(s.Lattice.Volume / s.Count > 3) || !(s.Lattice.Volume / s.Count < 200)) return null;
    try { return StructureFingerprint.Of(s); } catch (Exception) { return null; }
}

static Cand Relax(int id, IStructureSource structures, IRelaxer relaxer, Laqa.Search.Campaign.CampaignSpec spec)
{
    var h = new List<double>(); var f = new List<double>();
    var kept = new Structure?[4];
    Structure structure;
    try { structure = structures.Generate(id, CancellationToken.None).Structure; }
    catch (Exception e) when (e is not OutOfMemoryException) { return new Cand("Failed", h, f, kept); }
    var pressure = spec.Relaxer.ExternalPressure;
    var state = RelaxationState.Start(structure);
    var max = spec.Search.MaxStepsPerCandidate;
    int[] stops = [5, 10, 20];
    string status = "StepLimit";
    while (h.Count < max)
    {
        var next = stops.Where(s => s > h.Count).Select(s => s - h.Count).DefaultIfEmpty(spec.Relaxer.StepsPerBatch).First();
        var batch = relaxer.Advance(state, Math.Min(next, max - h.Count));
        if (BatchCheck.NonFinite(batch) is not null) { status = "Failed"; break; }
        foreach (var s in batch.Steps) { h.Add(s.EnergyPerAtom + pressure * s.Volume / structure.Count); f.Add(s.MeanForceNorm); }
        state = batch.Next;
        for (var p = 0; p < 3; p++) if (h.Count == stops[p]) kept[p] = state.Structure;
        if (batch.Outcome == RelaxationOutcome.Converged) { status = "Converged"; break; }
        if (batch.Outcome == RelaxationOutcome.Failed) { status = "Failed"; break; }
    }
    // A candidate that ended before a probe step shows its final structure there.
    kept[3] = status == "Failed" ? null : state.Structure;
    for (var p = 0; p < 3; p++) if (h.Count < stops[p]) kept[p] = kept[3];
    return new Cand(status, h, f, kept);
}

record Cand(string Status, List<double> H, List<double> F, Structure?[] Structures);
