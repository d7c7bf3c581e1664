using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Laqa.Crystal;
using Laqa.Crystal.Generation;
using Laqa.Crystal.IO;
using Laqa.Crystal.Neighbours;
using Laqa.Crystal.Spglib;
using Laqa.Engine.Configuration;
using Laqa.Search.Campaign;

namespace Laqa.Cli;

/// <summary>
/// `laqa generate`: random symmetric structures for a composition, one file each, with the space
/// group asked for and the one spglib finds, the volume and the shortest distance.
/// </summary>
public static class GenerateCommand
{
    private static readonly string[] Formats = ["poscar", "cif", "extxyz"];

    public static Command Create()
    {
        var composition = new Option<string>("--composition") { Description = "atoms per species in the output cell, e.g. Li12P4S16", Required = true };
        var spg = new Option<string>("--spg") { Description = "allowed space groups: all, P1, or numbers and ranges like \"3 15-18 100\"", DefaultValueFactory = _ => "all" };
        var count = new Option<int>("--count") { Description = "number of structures", DefaultValueFactory = _ => 10 };
        var seed = new Option<long>("--seed") { Description = "random seed; structure i depends only on (seed, i)", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "folder for the structure files", Required = true };
        var format = new Option<string>("--format") { Description = "poscar, cif or extxyz", DefaultValueFactory = _ => "poscar" };
        format.AcceptOnlyFromAmong(Formats);
        var threads = new Option<int>("--threads") { Description = "generating threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        // The campaign's default cell, so that a composition means the same cell in `laqa generate` and `laqa run`.
        var cell = new Option<string>("--cell")
        {
            Description = "output cell, the cell the composition counts: conventional or primitive",
            DefaultValueFactory = _ => GenerationSpec.Default.Cell.ToString().ToLowerInvariant(),
        };
        cell.AcceptOnlyFromAmong("conventional", "primitive");
        // Every default is the campaign's, so that `laqa generate` shows the candidates `laqa run` would relax.
        var defaults = GenerationSpec.Default;
        var distanceFactor = new Option<double>("--distance-factor")
        {
            Description = "minimum distance = factor × (sum of covalent radii), as laqa.generation.min-distance.factor",
            DefaultValueFactory = _ => defaults.MinDistanceFactor,
        };
        var volumeFactor = new Option<double>("--volume-factor")
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"target volume = factor × the generator's estimate ({VolumeEstimate.DefaultFactor} × covalent-sphere volume), as laqa.generation.volume.factor"),
            DefaultValueFactory = _ => defaults.Volume.Factor,
        };
        var pairDistances = new Option<string[]>("--min-distance")
        {
            Description = "minimum distance of a pair in Å, overriding the factor, e.g. --min-distance Li-S=2.1 P-S=1.8",
            AllowMultipleArgumentsPerToken = true,
        };
        var volumePerAtom = new Option<string?>("--volume-per-atom") { Description = "volume per atom in Å³ as MEAN or MEAN:SIGMA (normal distribution), instead of --volume-factor" };
        var maxAttempts = new Option<int>("--max-attempts") { Description = "random attempts per structure before it counts as failed", DefaultValueFactory = _ => defaults.MaxAttempts };
        var rattle = new Option<double>("--rattle") { Description = "σ in Å of a Gaussian displacement of every atom after placing (laqa.generation.rattle.displacement)" };
        var strain = new Option<double>("--strain") { Description = "σ of a random symmetric strain of the cell after placing (laqa.generation.rattle.strain)" };
        var json = new Option<bool>("--json") { Description = "one JSON line per structure and one for the summary" };
        var command = new Command("generate", "Random symmetric candidate structures for a composition")
        {
            composition, spg, count, seed, output, format, threads, cell, distanceFactor, volumeFactor, pairDistances, volumePerAtom, maxAttempts, rattle, strain, json,
        };
        command.SetAction(parsed =>
        {
            var n = Bounded("--count", parsed.GetValue(count), 1, CampaignLimits.GenerateCount);
            var threadCount = Bounded("--threads", parsed.GetValue(threads), 1, CampaignLimits.Workers);
            var attempts = Bounded("--max-attempts", parsed.GetValue(maxAttempts), 1, CampaignLimits.MaxAttempts);
            if (parsed.GetResult(volumeFactor) is { Implicit: false } && parsed.GetValue(volumePerAtom) is not null)
                throw new LaqaInputException("--volume-factor and --volume-per-atom both given: give one");
            var parsedComposition = Composition.Parse(parsed.GetValue(composition)!);
            var spaceGroups = SpaceGroupSelection.Parse(parsed.GetValue(spg)!);
            var minDistanceFactor = Positive("--distance-factor", parsed.GetValue(distanceFactor), CampaignLimits.MinDistanceFactor);
            var typedPairs = (parsed.GetValue(pairDistances) ?? []).Select(ParsePairDistance).ToList();
            // Checked as typed, so that a message names the pair as the user wrote it.
            MinimumDistances.FromCovalentRadii([.. parsedComposition.Symbols], minDistanceFactor, typedPairs);
            var factor = Positive("--volume-factor", parsed.GetValue(volumeFactor), CampaignLimits.VolumeFactor);
            var generation = new GenerationSpec(
                new EquatableList<int>(spaceGroups.Numbers),
                minDistanceFactor,
                new EquatableList<PairDistance>(typedPairs.Select(PairDistance.Of)),
                parsed.GetValue(volumePerAtom) is { } perAtom ? ParseVolumePerAtom(perAtom, factor) : defaults.Volume with { Factor = factor },
                attempts,
                parsed.GetValue(cell) == "primitive" ? CellChoice.Primitive : CellChoice.Conventional,
                new Rattle(NonNegative("--rattle", parsed.GetValue(rattle), CampaignLimits.RattleDisplacement),
                    NonNegative("--strain", parsed.GetValue(strain), CampaignLimits.RattleStrain)));
            var request = generation.RequestFor(parsedComposition);
            var generator = new StructureGenerator(request, parsed.GetValue(seed), new GenerationSettingNames("--cell {0}", "--spg"));
            Run(generator, n, threadCount, parsed.GetValue(output)!, parsed.GetValue(format)!, parsed.GetValue(json), parsed.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    private static int Bounded(string option, int value, int min, int max) =>
        value >= min && value <= max ? value : throw new LaqaInputException($"{option} must be between {min} and {max} (got {value})");

    private static double Positive(string option, double value, double max) =>
        double.IsFinite(value) && value > 0 && value <= max
            ? value
            : throw new LaqaInputException(string.Create(CultureInfo.InvariantCulture, $"{option} must be greater than 0 and at most {max} (got {value})"));

    private static double NonNegative(string option, double value, double max) =>
        double.IsFinite(value) && value >= 0 && value <= max
            ? value
            : throw new LaqaInputException(string.Create(CultureInfo.InvariantCulture, $"{option} must be at least 0 and at most {max} (got {value})"));

    private static KeyValuePair<string, double> ParsePairDistance(string text)
    {
        var parts = text.Split('=');
        if (parts.Length != 2 || parts[0].Split('-').Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var distance)
            || !double.IsFinite(distance) || distance <= 0 || distance > CampaignLimits.PairDistance)
            throw new LaqaInputException($"--min-distance '{text}' must be a pair and a distance in Å (greater than 0, at most {CampaignLimits.PairDistance}), e.g. Si-O=1.5");
        return new(parts[0], distance);
    }

    private static VolumeSpec ParseVolumePerAtom(string text, double factor)
    {
        var parts = text.Split(':');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN).ToArray();
        if (parts.Length > 2 || numbers.Any(x => !double.IsFinite(x) || x > CampaignLimits.VolumePerAtom) || numbers[0] <= 0 || (numbers.Length == 2 && numbers[1] < 0))
            throw new LaqaInputException($"--volume-per-atom '{text}' must be MEAN or MEAN:SIGMA in Å³ per atom, MEAN > 0 and SIGMA ≥ 0, both at most {CampaignLimits.VolumePerAtom}");
        return new VolumeSpec(factor, numbers[0], numbers.Length == 2 ? numbers[1] : 0);
    }

    private static void Run(StructureGenerator generator, int count, int threads, string folder, string format, bool json, TextWriter output)
    {
        if (folder.Trim().Length == 0) throw new LaqaInputException("--out is empty; give a folder for the structure files");
        if (File.Exists(folder)) throw new LaqaInputException($"--out {folder} is a file; give a folder for the structure files");
        // Everything is generated before the first file is written, so a failure leaves no partial output.
        var clock = Stopwatch.StartNew();
        var structures = new GeneratedStructure[count];
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => structures[i] = generator.Generate(i));
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<LaqaInputException>().FirstOrDefault() is { } input)
        {
            // A structure that cannot be placed is bad input (one line), not a crash of the parallel loop.
            throw input;
        }
        var seconds = clock.Elapsed.TotalSeconds;

        Directory.CreateDirectory(folder);
        var digits = Math.Max(4, (count - 1).ToString(CultureInfo.InvariantCulture).Length);
        foreach (var g in structures)
        {
            var found = SymmetryAnalyzer.Analyze(g.Structure);
            var shortest = MinimumImage.ShortestDistance(g.Structure);
            var name = g.Index.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
            var path = Path.Combine(folder, format switch { "cif" => $"{name}.cif", "extxyz" => $"{name}.extxyz", _ => $"{name}.vasp" });
            StructureFile.Write(path, g.Structure, $"candidate {g.Index} {g.Structure.Formula()} generated in {g.SpaceGroupSymbol} ({g.SpaceGroup})");
            var spglib = found.IsKnown ? $"{found.InternationalSymbol} ({found.SpaceGroupNumber})" : SymmetryDataset.UnknownSymbol;
            output.WriteLine(json
                ? JsonSerializer.Serialize(new
                {
                    id = g.Index, spaceGroup = g.SpaceGroup, spaceGroupSymbol = g.SpaceGroupSymbol, wyckoff = g.WyckoffPositions,
                    spglibSpaceGroup = found.IsKnown ? found.SpaceGroupNumber : (int?)null, volume = g.Structure.Lattice.Volume,
                    shortestDistance = shortest, attempts = g.Attempts, file = path,
                })
                : string.Create(CultureInfo.InvariantCulture,
                    $"{g.Index,6}  {g.SpaceGroupSymbol + " (" + g.SpaceGroup + ")",-16}  spglib {spglib,-16}  V {g.Structure.Lattice.Volume,9:F2} Å³  dmin {shortest:F3} Å"));
        }
        var rate = count / Math.Max(seconds, 1e-9);
        output.WriteLine(json
            ? JsonSerializer.Serialize(new { summary = true, structures = count, seconds, structuresPerSecond = rate, threads })
            : string.Create(CultureInfo.InvariantCulture, $"{count} structures in {seconds:F3} s on {threads} threads: {rate:F1} structures/s"));
    }
}
