using System.Globalization;
using Laqa.Search;

namespace Laqa.Benchmarks.Search;

/// <summary>
/// `search CONFIG [--seeds 1-20|1,5,16] [--set key=value]... [--nselect 5,10,20] [--modes sync,async] [--in-flight 1]`:
/// the campaign config; the seeds to run it with (as given, and expanded; default: its own); HOCON
/// settings appended to it for every seed (e.g. laqa.relaxer.steps-per-batch=20); the LAQA variants
/// replayed next to rs (default: the config's nselect and mode); and how many batches the replay keeps
/// in flight (default 1: take one, observe it, take the next; `laqa run` with workers.count = 1 keeps
/// 2, the running batch and the queued one, and gives exactly the figures of --in-flight 2).
/// </summary>
public sealed record SearchOptions(string ConfigPath, string? SeedsText, IReadOnlyList<long>? Seeds, IReadOnlyList<string> Settings, IReadOnlyList<int>? NSelects, IReadOnlyList<LaqaMode>? Modes, int InFlight)
{
    public const string Usage = "search CONFIG [--seeds 1-20|1,5,16] [--set key=value]... [--nselect 5,10,20] [--modes sync,async] [--in-flight 1]";

    public static SearchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException(Usage);
        string? seedsText = null;
        IReadOnlyList<long>? seeds = null;
        IReadOnlyList<int>? nselects = null;
        IReadOnlyList<LaqaMode>? modes = null;
        var settings = new List<string>();
        var inFlight = 1;
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value\nusage: {Usage}");
            var value = args[i + 1];
            switch (args[i])
            {
                case "--seeds": (seedsText, seeds) = (value, [.. value.Split(',').SelectMany(Range)]); break;
                case "--set": settings.Add(Setting(value)); break;
                case "--nselect": nselects = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))]; break;
                case "--modes": modes = [.. value.Split(',').Select(v => Enum.Parse<LaqaMode>(v, ignoreCase: true))]; break;
                case "--in-flight": inFlight = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}\nusage: {Usage}");
            }
        }
        if (inFlight < 1) throw new ArgumentException("--in-flight must be at least 1");
        return new SearchOptions(args[0], seedsText, seeds, settings, nselects, modes, inFlight);
    }

    private static IEnumerable<long> Range(string text)
    {
        var dash = text.IndexOf('-', 1);
        if (dash < 0) return [long.Parse(text, CultureInfo.InvariantCulture)];
        var (from, to) = (long.Parse(text[..dash], CultureInfo.InvariantCulture), long.Parse(text[(dash + 1)..], CultureInfo.InvariantCulture));
        if (to < from) throw new ArgumentException($"seed range {text} runs backwards");
        return Enumerable.Range(0, checked((int)(to - from + 1))).Select(k => from + k);
    }

    private static string Setting(string keyValue)
    {
        var eq = keyValue.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"--set {keyValue}: expected key=value");
        return $"{keyValue[..eq].Trim()} = {keyValue[(eq + 1)..].Trim()}";
    }
}
