using System.Globalization;
using System.Text;
using Laqa.Search.Campaign;

namespace Laqa.Benchmarks.Search;

/// <summary>The Markdown section of the search benchmark: one row per seed, then median, mean, sum and wins against rs per policy, to the final best and to its minimum.</summary>
internal static class SearchSection
{
    public static string Markdown(SearchOptions options, CampaignSpec spec, IReadOnlyList<string> labels, IReadOnlyList<SeedComparison> seeds, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"");
        Line($"## Search: steps to the final best, rs against LAQA");
        Line($"");
        Line($"`{options.ConfigPath}`{(options.Settings.Count > 0 ? $" with {string.Join(", ", options.Settings.Select(s => $"`{s}`"))}" : "")}: {spec.Composition}, {spec.InitialStructures} candidates, {spec.Relaxer.Algorithm.ToString().ToLowerInvariant()} batches of {spec.Relaxer.StepsPerBatch} steps, max {spec.Search.MaxStepsPerCandidate} steps per candidate; {seeds.Count} seeds. Every candidate relaxed to its end once per seed, every policy replayed over the same trajectories with {(options.InFlight == 1 ? "one batch in flight (take one, observe it, take the next)" : $"{options.InFlight} batches in flight, completing in the order they were taken")}; `laqa run` with workers.count = 1 gives the figures of 2 in flight ({elapsed.TotalSeconds:F0} s in all).");
        Line($"");
        Line($"Steps to the final best / to its minimum, per seed:");
        Line($"");
        Line($"| seed | final best (eV/atom) | candidate | candidates in its minimum | total steps | {string.Join(" | ", labels)} |");
        Line($"|---:|---:|---:|---:|---:|{string.Concat(labels.Select(_ => "---:|"))}");
        foreach (var s in seeds)
            Line($"| {s.Seed} | {s.BestEnthalpyPerAtom:F5} | {s.BestCandidate?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {s.AtBest.Count} | {s.TotalSteps:N0} | {string.Join(" | ", s.StepsToBest.Zip(s.StepsToBestMinimum, (best, minimum) => $"{Steps(best)} / {Steps(minimum)}"))} |");
        Summary(Line, "Steps to the final best", labels, seeds, s => s.StepsToBest);
        Summary(Line, $"Steps to the first converged candidate within {SearchBenchmarks.SameMinimum * 1000:F0} meV/atom of the final best (its minimum)", labels, seeds, s => s.StepsToBestMinimum);
        Line($"");
        Line($"- Steps to the final best: relaxation steps of every batch applied up to and including the one with which the final best candidate (lowest final energy per atom among candidates that did not fail, lowest id on a tie) converged, as `laqa run` prints them (\"best found after X of Y steps\").");
        Line($"- Its minimum: the candidates that converged within {SearchBenchmarks.SameMinimum * 1000:F0} meV/atom of the final best, counted as one minimum (e.g. structures the potential does not tell apart).");
        Line($"- Total steps are the same for every policy: each relaxes every candidate to its end.");
        Line($"");
        Line($"Reproduce: `dotnet run -c Release --project src/Laqa.Benchmarks -- search {string.Join(' ', Arguments(options))}`");
        Line($"");
        return text.ToString();
    }

    private static void Summary(Action<FormattableString> line, string title, IReadOnlyList<string> labels, IReadOnlyList<SeedComparison> seeds, Func<SeedComparison, IEnumerable<long?>> steps)
    {
        var perSeed = seeds.Select(s => steps(s).ToList()).ToList();
        line($"");
        line($"{title}:");
        line($"");
        line($"| policy | seeds where it converged | median | mean | sum | sum / rs sum | wins / ties / losses against rs |");
        line($"|---|---:|---:|---:|---:|---:|---|");
        for (var p = 0; p < labels.Count; p++)
        {
            var found = perSeed.Select(s => s[p]).OfType<long>().Select(x => (double)x).ToList();
            var paired = perSeed.Where(s => s[0] is not null && s[p] is not null).Select(s => (Rs: s[0]!.Value, This: s[p]!.Value)).ToList();
            var ratio = paired.Sum(x => (double)x.This) / paired.Sum(x => (double)x.Rs);
            var record = p == 0 ? "-" : $"{paired.Count(x => x.This < x.Rs)} / {paired.Count(x => x.This == x.Rs)} / {paired.Count(x => x.This > x.Rs)}";
            line($"| {labels[p]} | {found.Count} of {seeds.Count} | {Median(found):N0} | {Mean(found):N0} | {found.Sum():N0} | {ratio:F2} | {record} |");
        }
    }

    private static string Steps(long? steps) => steps is { } s ? s.ToString("N0", CultureInfo.InvariantCulture) : "-";

    private static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    private static IEnumerable<string> Arguments(SearchOptions o)
    {
        yield return o.ConfigPath;
        if (o.SeedsText is { } seeds) yield return $"--seeds {seeds}";
        foreach (var s in o.Settings) yield return $"--set '{s.Replace(" = ", "=", StringComparison.Ordinal)}'";
        if (o.NSelects is { } n) yield return $"--nselect {string.Join(',', n)}";
        if (o.Modes is { } m) yield return $"--modes {string.Join(',', m.Select(x => x.ToString().ToLowerInvariant()))}";
        if (o.InFlight != 1) yield return $"--in-flight {o.InFlight}";
    }
}
