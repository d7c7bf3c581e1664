using System.Globalization;
using Laqa.Search;
using Laqa.Search.Campaign;

namespace Laqa.Engine.CrashHost;

/// <summary>
/// The child process's command line: "--key value" pairs, all optional but --dir. With --postgres-env
/// (the variable holding the connection string) the journal is the PostgreSQL campaign --campaign, whose
/// lease lasts --lease-ms.
/// </summary>
public sealed record CrashHostOptions(
    string Directory, int Candidates, int Workers, long Seed, LaqaMode Mode, int NSelect, int StepsPerBatch,
    double MaxForce, int DelayMs, long? MaxTotalSteps, int Prefetch = 1, string? PostgresEnv = null, string Campaign = "", int LeaseMs = 2000)
{
    public static CrashHostOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) map[args[i].TrimStart('-')] = args[i + 1];
        string Get(string key, string fallback) => map.GetValueOrDefault(key, fallback);
        return new CrashHostOptions(
            map["dir"],
            int.Parse(Get("candidates", "8"), CultureInfo.InvariantCulture),
            int.Parse(Get("workers", "1"), CultureInfo.InvariantCulture),
            long.Parse(Get("seed", "1"), CultureInfo.InvariantCulture),
            Enum.Parse<LaqaMode>(Get("mode", "async"), ignoreCase: true),
            int.Parse(Get("nselect", "3"), CultureInfo.InvariantCulture),
            int.Parse(Get("steps-per-batch", "3"), CultureInfo.InvariantCulture),
            double.Parse(Get("fmax", "0.01"), CultureInfo.InvariantCulture),
            int.Parse(Get("delay-ms", "0"), CultureInfo.InvariantCulture),
            map.TryGetValue("max-total-steps", out var m) ? long.Parse(m, CultureInfo.InvariantCulture) : null,
            int.Parse(Get("prefetch", "1"), CultureInfo.InvariantCulture),
            map.GetValueOrDefault("postgres-env"),
            Get("campaign", ""),
            int.Parse(Get("lease-ms", "2000"), CultureInfo.InvariantCulture));
    }

    public string[] ToArgs() =>
    [
        "--dir", Directory, "--candidates", Inv(Candidates), "--workers", Inv(Workers), "--seed", Inv(Seed),
        "--mode", Mode.ToString(), "--nselect", Inv(NSelect), "--steps-per-batch", Inv(StepsPerBatch),
        "--fmax", MaxForce.ToString("R", CultureInfo.InvariantCulture), "--delay-ms", Inv(DelayMs), "--prefetch", Inv(Prefetch),
        .. MaxTotalSteps is { } m ? new[] { "--max-total-steps", Inv(m) } : [],
        .. PostgresEnv is { } env ? new[] { "--postgres-env", env, "--campaign", Campaign, "--lease-ms", Inv(LeaseMs) } : [],
    ];

    public EngineSettings Settings() => new(
        Candidates,
        new SearchSpec(SearchAlgorithm.Laqa, new LaqaOptions(NSelect, Mode, new LaqaWeights()), 10_000),
        StepsPerBatch, Workers, TimeSpan.FromSeconds(30), 2, MaxTotalSteps,
        $"fake seed={Seed} candidates={Candidates} mode={Mode} nselect={NSelect} steps-per-batch={StepsPerBatch} fmax={MaxForce:R}")
    {
        // Frequent snapshots, so that recoveries start from snapshots as well as from whole journals.
        SnapshotEvery = 4,
        SelectorSnapshotEvery = 8,
        Prefetch = Prefetch,
        Provider = PostgresEnv is null ? PersistenceProvider.Sqlite : PersistenceProvider.PostgreSql,
        PostgreSqlConnectionEnv = PostgresEnv ?? PersistenceSpec.Default.PostgreSqlConnectionEnv,
        CampaignName = Campaign,
        LeaseTime = TimeSpan.FromMilliseconds(LeaseMs),
    };

    private static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);
}
