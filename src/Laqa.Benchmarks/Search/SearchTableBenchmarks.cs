using System.Diagnostics;
using System.Globalization;
using System.Text;
using Laqa.Crystal;
using Laqa.Crystal.IO;
using Laqa.Engine.Configuration;
using Laqa.Search;
using Laqa.Search.Campaign;
using Laqa.Search.Replay;

namespace Laqa.Benchmarks.Search;

/// <summary>
/// The blind search table: for each seed every candidate is relaxed to its end once, step by step
/// (<see cref="StepRecorder"/>, cached), then cut into batches of each requested length and every
/// policy is replayed over it. The figure is the steps until the lowest basin is first reached
/// (<see cref="StepsToBasin"/>, 1 meV/atom above the lowest final enthalpy of the seed, which every
/// policy shares since each relaxes every candidate to its end), beside the oracle's bound.
/// </summary>
public static class SearchTableBenchmarks
{
    /// <summary>A step within this of the seed's lowest final enthalpy per atom is in the lowest basin (eV/atom).</summary>
    public const double BasinTolerance = 1e-3;

    public static int Run(string[] args)
    {
        SearchTableOptions options;
        try
        {
            options = SearchTableOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        string text;
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.ConfigPath));
        string TextFor(long? seed) => string.Join('\n', [text, .. seed is { } s ? [$"laqa.seed = {s}"] : Array.Empty<string>(), .. options.Settings]);
        CampaignSpec first;
        try
        {
            text = File.ReadAllText(options.ConfigPath);
            first = CampaignConfigLoader.Load(TextFor(null), folder);
        }
        catch (Exception e) when (e is LaqaInputException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var cache = new StepCache(options.CacheFolder);
        var policies = SearchTablePolicies.For(first.Search);
        var seeds = new List<SeedSteps>();
        var clock = Stopwatch.StartNew();
        var recordingTime = TimeSpan.Zero;
        foreach (var seed in options.Seeds ?? [first.Seed])
        {
            var campaignText = TextFor(seed);
            var spec = CampaignConfigLoader.Load(campaignText, folder);
            var started = clock.Elapsed;
            var steps = cache.GetOrRecord(campaignText, () => StepRecorder.Record(spec, Environment.ProcessorCount), out var recorded);
            if (recorded)
            {
                recordingTime += clock.Elapsed - started;
                Console.Error.WriteLine($"seed {seed}: recorded {steps.Sum(t => t.Steps.Count):N0} steps in {(clock.Elapsed - started).TotalSeconds:F1} s");
            }
            if (!options.RecordOnly) seeds.Add(SeedSteps.Replay(seed, steps, options.BatchLengths, policies, options.InFlight));
        }
        if (options.RecordOnly) return 0;
        if (options.PerSeedPath is { } perSeed) File.WriteAllText(perSeed, SearchTableSection.PerSeedTsv(seeds, policies));
        if (options.LowestPath is { } lowestPath)
        {
            var seed = seeds.MinBy(s => s.Lowest)!.Seed;
            var spec = CampaignConfigLoader.Load(TextFor(seed), folder);
            var steps = cache.GetOrRecord(TextFor(seed), () => StepRecorder.Record(spec, Environment.ProcessorCount), out _);
            var id = steps.First(t => t.End != CandidateStatus.Failed && t.Steps.Count > 0 && t.Steps[^1].EnthalpyPerAtom == StepsToBasin.LowestFinal(steps)).Id;
            var (structure, energy) = StepRecorder.RelaxAgain(spec, id);
            PoscarFormat.Write(lowestPath, structure, string.Create(CultureInfo.InvariantCulture, $"seed {seed} candidate {id}: {energy:R} eV/atom"));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lowest: seed {seed}, candidate {id}, {energy:R} eV/atom (recorded {seeds.Min(s => s.Lowest):R}), written to {lowestPath}"));
        }
        Console.Write(SearchTableSection.Markdown(options, first, policies, seeds, clock.Elapsed, recordingTime));
        return 0;
    }
}
