// Throw-away: regenerate every candidate of each seed exactly as the campaign does (CampaignComponents.From(spec).Generator,
// candidate i from (seed, i)) and write per seed JSON with what is known before any relaxation step: the space group it
// was generated in, crystal system, point-group order, Wyckoff orbits, free coordinates, lattice parameters, volume per
// atom, and one evaluation of the initial structure (H(0), F(0), S(0)). No relaxation.
using System.Text.Json;
using Laqa.Crystal.Symmetry;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;

var config = args[0]; var seeds = args[1].Split('-').Select(int.Parse).ToArray(); var outDir = args[2];
var settings = args.Skip(3).ToArray();
var folder = Path.GetDirectoryName(Path.GetFullPath(config));
var text = File.ReadAllText(config);
Directory.CreateDirectory(outDir);
for (var seed = seeds[0]; seed <= seeds[^1]; seed++)
{
    var path = Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(config)}-{seed}.json");
    if (File.Exists(path)) continue;
    var clock = System.Diagnostics.Stopwatch.StartNew();
    // The text search-table records with (SearchTableBenchmarks.TextFor).
    var campaignText = string.Join('\n', [text, $"laqa.seed = {seed}", .. settings]);
    var spec = CampaignConfigLoader.Load(campaignText, folder);
    var components = CampaignComponents.From(spec);
    var pressure = spec.Relaxer.ExternalPressure;
    var rows = new object?[spec.InitialStructures];
    // One at a time: the one calculator instance is shared.
    Parallel.For(0, spec.InitialStructures, new ParallelOptions { MaxDegreeOfParallelism = 1 }, id =>
    {
        Laqa.Crystal.Generation.GeneratedStructure g;
        try { g = components.Generator.Generate(id); }
        catch (Exception e) when (e is not OutOfMemoryException) { rows[id] = new { id, failed = true }; return; }
        var group = SpaceGroups.Get(g.SpaceGroup);
        // "Si:8a8b Na:4a": multiplicity and letter per orbit, per species.
        var orbits = g.WyckoffPositions.Split(' ').SelectMany(part => System.Text.RegularExpressions.Regex.Matches(part.Split(':')[1], @"(\d+)(\D)")
            .Select(m => group.Wyckoff(m.Groups[2].Value))).ToArray();
        var s = g.Structure;
        var r = components.Calculator.Calculate(s);
        rows[id] = new
        {
            id,
            failed = false,
            sg = g.SpaceGroup,
            symbol = g.SpaceGroupSymbol,
            wyckoff = g.WyckoffPositions,
            system = group.CrystalSystem.ToString(),
            centring = group.Centring.ToString(),
            order = group.Order,
            pointOrder = group.Order / group.CentringVectors.Length,
            orbits = orbits.Length,
            freeCoords = orbits.Sum(w => w.FreeParameterCount),
            siteSymmetry = orbits.Select(w => w.SiteSymmetryOrder).ToArray(),
            latticeParams = LatticeParameters(group.CrystalSystem),
            atomsInCell = s.Count,
            volumePerAtom = s.Lattice.Volume / s.Count,
            attempts = g.Attempts,
            h0 = r.Succeeded ? r.Energy / s.Count + pressure * s.Lattice.Volume / s.Count : double.NaN,
            f0 = r.Succeeded ? r.MeanForceNorm : double.NaN,
            s0 = r.Succeeded ? r.MeanAbsStress : double.NaN,
        };
    });
    File.WriteAllText(path, JsonSerializer.Serialize(new { seed, candidates = rows }, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
    Console.Error.WriteLine($"{config} seed {seed}: {clock.Elapsed.TotalSeconds:F1} s");
}
return 0;

// Lattice degrees of freedom LatticeSampler draws (volume included): cubic a; tetragonal, trigonal and hexagonal a, c; orthorhombic a, b, c; monoclinic + β; triclinic 6.
static int LatticeParameters(CrystalSystem system) => system switch
{
    CrystalSystem.Cubic => 1,
    CrystalSystem.Tetragonal or CrystalSystem.Trigonal or CrystalSystem.Hexagonal => 2,
    CrystalSystem.Orthorhombic => 3,
    CrystalSystem.Monoclinic => 4,
    _ => 6,
};
