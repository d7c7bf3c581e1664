using System.Diagnostics;
using Laqa.Crystal;
using Laqa.Engine.Configuration;
using Laqa.Search;
using Laqa.Search.Campaign;
using Laqa.Search.Replay;

namespace Laqa.Benchmarks.Search;

/// <summary>
/// Steps to the final best, rs against LAQA, for one campaign config over several seeds. Each seed's
/// candidates are relaxed to their end once (<see cref="TrajectoryRecorder"/>); since a candidate's
/// relaxation does not depend on the policy, every policy is then replayed over the same trajectories
/// (<see cref="PolicyReplay"/>), with as many batches in flight as <see cref="SearchOptions.InFlight"/> says.
/// </summary>
public static class SearchBenchmarks
{
    /// <summary>Converged candidates whose final enthalpy per atom (energy at zero pressure) is within this of the best (eV/atom) are in the best minimum.</summary>
    public const double SameMinimum = 1e-3;

    public static int Run(string[] args)
    {
        SearchOptions options;
        try
        {
            options = SearchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        string text;
        CampaignSpec first;
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.ConfigPath));
        CampaignSpec SpecFor(long? seed) => CampaignConfigLoader.Load(string.Join('\n', [text, .. SeedSetting(seed), .. options.Settings]), folder);
        try
        {
            text = File.ReadAllText(options.ConfigPath);
            first = SpecFor(null);
        }
        catch (Exception e) when (e is LaqaInputException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var seeds = options.Seeds ?? [first.Seed];
        var variants = Variants(first.Search, options);
        var comparisons = new List<SeedComparison>();
        var clock = Stopwatch.StartNew();
        foreach (var seed in seeds)
        {
            var spec = SpecFor(seed);
            var trajectories = TrajectoryRecorder.Record(spec, Environment.ProcessorCount);
            comparisons.Add(Compare(seed, trajectories, options.InFlight, variants.Select(v => v.Spec)));
        }
        Console.Write(SearchSection.Markdown(options, first, variants.Select(v => v.Label).ToList(), comparisons, clock.Elapsed));
        return 0;
    }

    private static IEnumerable<string> SeedSetting(long? seed) => seed is { } s ? [$"laqa.seed = {s}"] : [];

    /// <summary>rs first, then LAQA with every requested mode and nselect (the config's own by default).</summary>
    private static IReadOnlyList<(string Label, SearchSpec Spec)> Variants(SearchSpec configured, SearchOptions options)
    {
        var list = new List<(string Label, SearchSpec Spec)> { ("rs", configured with { Algorithm = SearchAlgorithm.Rs }) };
        foreach (var mode in options.Modes ?? [configured.Laqa.Mode])
            foreach (var nselect in options.NSelects ?? [configured.Laqa.NSelect])
                list.Add(($"laqa {mode.ToString().ToLowerInvariant()}{(mode == LaqaMode.Sync ? $" n{nselect}" : "")}",
                    configured with { Algorithm = SearchAlgorithm.Laqa, Laqa = configured.Laqa with { Mode = mode, NSelect = nselect } }));
        return [.. list.DistinctBy(v => v.Label)];
    }

    private static SeedComparison Compare(long seed, IReadOnlyList<CandidateTrajectory> trajectories, int inFlight, IEnumerable<SearchSpec> specs)
    {
        var replays = specs.Select(s => PolicyReplay.Run(SelectionPolicies.Create(s, trajectories.Count), trajectories, inFlight)).ToList();
        var best = replays[0].BestCandidate;
        var bestEnthalpy = best is { } b ? trajectories[b].Final.EnthalpyPerAtom : double.NaN;
        var atBest = trajectories.Select(t => t.Final)
            .Where(s => s.Status == CandidateStatus.Converged && s.EnthalpyPerAtom <= bestEnthalpy + SameMinimum)
            .Select(s => s.Id).ToHashSet();
        return new SeedComparison(seed, best, bestEnthalpy, atBest, replays[0].TotalSteps, replays);
    }
}
