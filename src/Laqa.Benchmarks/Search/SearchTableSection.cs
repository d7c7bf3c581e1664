using System.Globalization;
using System.Text;
using Laqa.Search.Campaign;

namespace Laqa.Benchmarks.Search;

/// <summary>The search table as Markdown (per batch length: median, mean, sum, sum / rs, wins / ties / losses against rs, and the oracle) and per seed as TSV.</summary>
internal static class SearchTableSection
{
    public static string Markdown(SearchTableOptions options, CampaignSpec spec, IReadOnlyList<TablePolicy> policies, IReadOnlyList<SeedSteps> seeds, TimeSpan elapsed, TimeSpan recording)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"`{options.ConfigPath}`{(options.Settings.Count > 0 ? $" with {string.Join(", ", options.Settings.Select(s => $"`{s}`"))}" : "")}: {spec.Composition}, {spec.InitialStructures} candidates, space groups {(spec.Generation.SpaceGroups.Count == 230 ? "all 230" : string.Join(",", spec.Generation.SpaceGroups))}, {spec.Relaxer.Algorithm.ToString().ToLowerInvariant()}, max {spec.Search.MaxStepsPerCandidate} steps per candidate, nselect {spec.Search.Laqa.NSelect}; {seeds.Count} seeds; {(options.InFlight == 1 ? "one batch in flight" : $"{options.InFlight} batches in flight")}; {elapsed.TotalSeconds:F0} s in all, of which {recording.TotalSeconds:F0} s recording.");
        Line($"");
        var lowest = seeds.Min(s => s.Lowest);
        Line($"Lowest final energy per seed: {seeds.Count(s => s.Lowest <= lowest + SearchTableBenchmarks.BasinTolerance)} of {seeds.Count} seeds reach the lowest over all seeds ({lowest:F4} eV/atom); median {Median(seeds.Select(s => (double)s.InBasin).ToList()):F0} candidates of a seed end in its basin; median total steps of a seed {Median(seeds.Select(s => (double)s.TotalSteps).ToList()):N0}.");
        Line($"");
        Line($"| policy | batch | median | mean | sum | sum / rs | wins / ties / losses against rs |");
        Line($"|---|---:|---:|---:|---:|---:|---|");
        var oracle = seeds.Select(s => s.Oracle).ToList();
        for (var b = 0; b < options.BatchLengths.Count; b++)
        {
            var rs = seeds.Select(s => s.ToBasin[b][0]).ToList();
            for (var p = 0; p < policies.Count; p++)
                Line($"| {policies[p].Label} | {options.BatchLengths[b]} | {Row(seeds.Select(s => s.ToBasin[b][p]).ToList(), rs, p == 0)} |");
            if (b == options.BatchLengths.Count - 1)
                Line($"| oracle (that candidate only) | - | {Row(oracle, rs, false)} |");
        }
        Line($"");
        Line($"Reproduce: `nice -n 10 dotnet run -c Release --project src/Laqa.Benchmarks -- search-table {string.Join(' ', Arguments(options))}`");
        return text.ToString();
    }

    public static string PerSeedTsv(IReadOnlyList<SeedSteps> seeds, IReadOnlyList<TablePolicy> policies)
    {
        var text = new StringBuilder("seed\tbatch_index\tlowest_eV_per_atom\tin_basin\ttotal_steps\toracle\t" + string.Join('\t', policies.Select(p => p.Label)) + "\n");
        foreach (var s in seeds)
            for (var b = 0; b < s.ToBasin.Count; b++)
                text.Append(CultureInfo.InvariantCulture, $"{s.Seed}\t{b}\t{s.Lowest:F6}\t{s.InBasin}\t{s.TotalSteps}\t{s.Oracle}\t{string.Join('\t', s.ToBasin[b].Select(x => x?.ToString(CultureInfo.InvariantCulture) ?? "-"))}\n");
        return text.ToString();
    }

    private static string Row(IReadOnlyList<long?> steps, IReadOnlyList<long?> rs, bool isRs)
    {
        var found = steps.OfType<long>().Select(x => (double)x).ToList();
        var paired = steps.Zip(rs, (a, b) => (This: a, Rs: b)).Where(x => x.This is not null && x.Rs is not null).Select(x => (This: x.This!.Value, Rs: x.Rs!.Value)).ToList();
        var ratio = paired.Sum(x => (double)x.This) / paired.Sum(x => (double)x.Rs);
        var record = isRs ? "-" : $"{paired.Count(x => x.This < x.Rs)} / {paired.Count(x => x.This == x.Rs)} / {paired.Count(x => x.This > x.Rs)}";
        var missing = steps.Count - found.Count;
        return $"{Median(found):N0} | {(found.Count > 0 ? found.Average() : double.NaN):N0} | {found.Sum():N0}{(missing > 0 ? $" ({missing} never)" : "")} | {ratio:F2} | {record}";
    }

    private static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static IEnumerable<string> Arguments(SearchTableOptions o)
    {
        yield return o.ConfigPath;
        if (o.SeedsText is { } seeds) yield return $"--seeds {seeds}";
        foreach (var s in o.Settings) yield return $"--set '{s.Replace(" = ", "=", StringComparison.Ordinal)}'";
        if (!o.BatchLengths.SequenceEqual([1, 5, 10])) yield return $"--batch-lengths {string.Join(',', o.BatchLengths)}";
        if (o.InFlight != 1) yield return $"--in-flight {o.InFlight}";
    }
}
