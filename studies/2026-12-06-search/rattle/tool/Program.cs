// Throw-away: relax every candidate of each seed to its end (as StepRecorder), optionally after a "rattle": every atom
// displaced by a Gaussian vector (σ per Cartesian component, Å) and the cell strained by a random symmetric strain
// (σ per component), drawn from (seed, id) only. Writes per seed JSON: H at every step, status, and the space group
// (spglib, StructureSignature.Symprec) and operation count of the generated, started and final structures, and
// whether the final structure still maps onto itself under every operation of the generated one.
// args: config seeds(a-b) outDir sigmaAngstrom strainSigma [settings...]
using System.Globalization;
using System.Text.Json;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Crystal.Fingerprints;
using Laqa.Crystal.Generation;
using Laqa.Crystal.Spglib;
using Laqa.Engine;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Engine.Workers;

var config = args[0]; var seeds = args[1].Split('-').Select(int.Parse).ToArray(); var outDir = args[2];
var sigma = double.Parse(args[3], CultureInfo.InvariantCulture); var strainSigma = double.Parse(args[4], CultureInfo.InvariantCulture);
var settings = args.Skip(5).ToArray();
var folder = Path.GetDirectoryName(Path.GetFullPath(config));
var text = File.ReadAllText(config);
Directory.CreateDirectory(outDir);
for (var seed = seeds[0]; seed <= seeds[^1]; seed++)
{
    var path = Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(config)}-{seed}.json");
    if (File.Exists(path)) continue;
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var campaignText = string.Join('\n', [text, $"laqa.seed = {seed}", .. settings]);
    var spec = CampaignConfigLoader.Load(campaignText, folder);
    var components = CampaignComponents.From(spec);
    var results = new Cand[spec.InitialStructures];
    Parallel.For(0, spec.InitialStructures, new ParallelOptions { MaxDegreeOfParallelism = 2 },
        id => results[id] = Relax(seed, id, components.Generator, components.RelaxerFactory(), spec, sigma, strainSigma));
    File.WriteAllText(path, JsonSerializer.Serialize(new { seed, sigma, strainSigma, candidates = results }));
    Console.Error.WriteLine($"{config} σ={sigma} ε={strainSigma} seed {seed}: {results.Sum(r => r.H.Count)} steps, {clock.Elapsed.TotalSeconds:F1} s");
}
return 0;

static Cand Relax(int seed, int id, StructureGenerator generator, IRelaxer relaxer, Laqa.Search.Campaign.CampaignSpec spec, double sigma, double strainSigma)
{
    var h = new List<double>();
    GeneratedStructure g;
    try { g = generator.Generate(id); }
    catch (Exception e) when (e is not OutOfMemoryException) { return new Cand(id, "Failed", h, 0, 0, 0, 0, 0, 0, 0, false); }
    var generated = g.Structure;
    var genSym = SymmetryAnalyzer.Analyze(generated, StructureSignature.Symprec);
    var start = sigma > 0 || strainSigma > 0 ? Rattle(generated, new Random(seed * 1_000_003 + id), sigma, strainSigma) : generated;
    var startSym = SymmetryAnalyzer.Analyze(start, StructureSignature.Symprec);
    var pressure = spec.Relaxer.ExternalPressure;
    var state = RelaxationState.Start(start);
    var max = spec.Search.MaxStepsPerCandidate;
    var status = "StepLimit";
    while (h.Count < max)
    {
        var batch = relaxer.Advance(state, Math.Min(spec.Relaxer.StepsPerBatch, max - h.Count));
        if (BatchCheck.NonFinite(batch) is not null) { status = "Failed"; break; }
        h.AddRange(batch.Steps.Select(s => s.EnergyPerAtom + pressure * s.Volume / start.Count));
        if (batch.Outcome == RelaxationOutcome.Converged) { status = "Converged"; state = batch.Next; break; }
        if (batch.Outcome == RelaxationOutcome.Failed) { status = "Failed"; break; }
        state = batch.Next;
    }
    var final = state.Structure;
    var finSym = status == "Failed" ? SymmetryDataset.Unknown("failed") : SymmetryAnalyzer.Analyze(final, StructureSignature.Symprec);
    var kept = status != "Failed" && genSym.Operations.All(op => Maps(final, op, StructureSignature.Symprec));
    return new Cand(id, status, h, g.SpaceGroup, genSym.SpaceGroupNumber, genSym.Operations.Length, startSym.SpaceGroupNumber,
        startSym.Operations.Length, finSym.SpaceGroupNumber, finSym.Operations.Length, kept);
}

// Cartesian displacements N(0, σ²) per component, then F = I + ε with ε symmetric, ε_ij ~ N(0, σ_ε²) for i ≤ j.
static Structure Rattle(Structure s, Random rng, double sigma, double strainSigma)
{
    var cart = s.Cartesian().Select(r => r + new Vec3(Normal(rng), Normal(rng), Normal(rng)) * sigma).ToArray();
    var displaced = Structure.FromCartesian(s.Lattice, s.Species, cart);
    var e = new double[3, 3];
    for (var i = 0; i < 3; i++)
        for (var j = i; j < 3; j++) e[i, j] = e[j, i] = Normal(rng) * strainSigma;
    var f = new double[3, 3];
    for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++) f[i, j] = (i == j ? 1 : 0) + e[i, j];
    return strainSigma > 0 ? displaced.WithLattice(displaced.Lattice.Deformed(f)) : displaced;
}

static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

// Every atom's image under op lands within tol (Å) of an atom of the same species, in s's own lattice.
static bool Maps(Structure s, SymmetryOperation op, double tol)
{
    for (var i = 0; i < s.Count; i++)
    {
        var x = op.Apply(s.Fractional[i]);
        var found = false;
        for (var j = 0; j < s.Count && !found; j++)
        {
            if (s.Species[j] != s.Species[i]) continue;
            var d = x - s.Fractional[j];
            d = new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z));
            // Nearest image among the 27 neighbours of the rounded difference (skewed cells).
            for (var a = -1; a <= 1 && !found; a++)
                for (var b = -1; b <= 1 && !found; b++)
                    for (var c = -1; c <= 1 && !found; c++)
                        if (s.Lattice.ToCartesian(new Vec3(d.X + a, d.Y + b, d.Z + c)).Norm < tol) found = true;
        }
        if (!found) return false;
    }
    return true;
}

record Cand(int Id, string Status, List<double> H, int GenSg, int GenSgSpglib, int GenOps, int StartSg, int StartOps, int FinalSg, int FinalOps, bool KeptGeneratedOps);
