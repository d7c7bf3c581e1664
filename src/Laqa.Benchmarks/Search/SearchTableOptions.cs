using System.Globalization;

namespace Laqa.Benchmarks.Search;

/// <summary>
/// `search-table CONFIG [--seeds 1-30] [--set key=value]... [--batch-lengths 1,5,10] [--in-flight 1]
/// [--cache DIR] [--per-seed FILE] [--write-lowest FILE] [--record-only]`: the campaign config; the seeds; HOCON settings
/// appended for every seed; the batch lengths every policy is replayed with; batches in flight in the
/// replay; where recorded trajectories are kept (default /tmp/laqa-search-steps); a TSV of every
/// seed's figures; a POSCAR of the lowest minimum over all seeds (its candidate relaxed again); record (or find recorded) trajectories and print nothing else.
/// </summary>
public sealed record SearchTableOptions(string ConfigPath, string? SeedsText, IReadOnlyList<long>? Seeds, IReadOnlyList<string> Settings,
    IReadOnlyList<int> BatchLengths, int InFlight, string CacheFolder, string? PerSeedPath, string? LowestPath, bool RecordOnly)
{
    public const string Usage = "search-table CONFIG [--seeds 1-30|1,5,16] [--set key=value]... [--batch-lengths 1,5,10] [--in-flight 1] [--cache DIR] [--per-seed FILE] [--write-lowest FILE] [--record-only]";

    public static SearchTableOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException(Usage);
        var rest = args.Skip(1).Where(a => a != "--record-only").ToArray();
        // The seeds and --set read as the search command reads them.
        var common = SearchOptions.Parse([args[0], .. Pairs(rest, "--seeds", "--set")]);
        IReadOnlyList<int> lengths = [1, 5, 10];
        var inFlight = 1;
        var cache = "/tmp/laqa-search-steps";
        string? perSeed = null;
        string? lowest = null;
        for (var i = 0; i < rest.Length; i += 2)
        {
            if (i + 1 >= rest.Length) throw new ArgumentException($"{rest[i]} needs a value\nusage: {Usage}");
            var value = rest[i + 1];
            switch (rest[i])
            {
                case "--seeds" or "--set": break;
                case "--batch-lengths": lengths = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))]; break;
                case "--in-flight": inFlight = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--cache": cache = value; break;
                case "--per-seed": perSeed = value; break;
                case "--write-lowest": lowest = value; break;
                default: throw new ArgumentException($"unknown option {rest[i]}\nusage: {Usage}");
            }
        }
        if (inFlight < 1) throw new ArgumentException("--in-flight must be at least 1");
        if (lengths.Any(l => l < 1)) throw new ArgumentException("--batch-lengths must be at least 1");
        return new SearchTableOptions(args[0], common.SeedsText, common.Seeds, common.Settings, lengths, inFlight, cache, perSeed, lowest, args.Contains("--record-only"));
    }

    private static IEnumerable<string> Pairs(string[] args, params string[] names)
    {
        for (var i = 0; i + 1 < args.Length; i += 2)
            if (names.Contains(args[i])) { yield return args[i]; yield return args[i + 1]; }
    }
}
