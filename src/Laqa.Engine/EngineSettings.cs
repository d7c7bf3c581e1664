using Laqa.Search;
using Laqa.Search.Campaign;

namespace Laqa.Engine;

/// <summary>
/// What the actors need to know about a campaign. Candidates have ids 0 .. CandidateCount-1.
/// A batch that throws, returns non-finite numbers or runs past BatchTimeout is dispatched again
/// up to MaxRetries times; then its candidate fails. Fingerprint identifies the campaign-defining
/// settings (DefiningSettings, one "key = value" line each): a folder can only be resumed with the same one.
/// </summary>
public sealed record EngineSettings(
    int CandidateCount,
    SearchSpec Search,
    int StepsPerBatch,
    int Workers,
    TimeSpan BatchTimeout,
    int MaxRetries,
    long? MaxTotalSteps,
    string Fingerprint)
{
    /// <summary>Candidate actors save a snapshot of their state every this many events.</summary>
    public int SnapshotEvery { get; init; } = 20;

    private readonly int? _selectorSnapshotEvery;

    /// <summary>
    /// The selector saves a snapshot (its history and every candidate's latest snapshot) every this
    /// many events: by default every 100, or every CandidateCount when that is larger, since the
    /// snapshot grows with the candidates.
    /// </summary>
    public int SelectorSnapshotEvery
    {
        get => _selectorSnapshotEvery ?? Math.Max(100, CandidateCount);
        init => _selectorSnapshotEvery = value;
    }

    /// <summary>Jobs each worker holds beyond the one it runs, so it starts the next without waiting for the engine.</summary>
    public int Prefetch { get; init; } = WorkerSpec.Default.Prefetch;

    /// <summary>How long a stop waits for the batches in flight before it abandons them (they run again on resume).</summary>
    public TimeSpan StopGracePeriod { get; init; } = WorkerSpec.Default.StopGracePeriod;

    /// <summary>How often a worker sends a result not yet settled again, or asks again for a batch state not yet received.</summary>
    public TimeSpan ResendInterval { get; init; } = WorkerSpec.Default.ResendInterval;

    /// <summary>The early ends of the search besides MaxTotalSteps (<see cref="SearchStopRule"/>): a target enthalpy per atom, selections without improvement.</summary>
    public double? TargetEnthalpy { get; init; }

    public int? NoImprovementSelections { get; init; }

    /// <summary>Duplicate pruning (<see cref="DuplicateRule"/>): off by default.</summary>
    public DuplicateSpec Duplicates { get; init; } = DuplicateSpec.Default;

    /// <summary>The campaign's config as HOCON text with includes resolved, sent to worker nodes that join.</summary>
    public string ConfigText { get; init; } = "";

    /// <summary>The folder a relative path in <see cref="ConfigText"/> is taken from.</summary>
    public string ConfigDirectory { get; init; } = "";

    /// <summary>What each calculator worker of this campaign is told.</summary>
    public Workers.WorkerOptions WorkerOptions => new(Fingerprint, BatchTimeout, ResendInterval);

    /// <summary>The external pressure the cells relax under (eV/Å³); candidates are ranked by their enthalpy under it.</summary>
    public double ExternalPressure { get; init; }

    /// <summary>The campaign-defining settings behind Fingerprint, kept in the journal to name what changed.</summary>
    public IReadOnlyList<string> DefiningSettings { get; init; } = [];

    /// <summary>The journal's name in a campaign folder unless the config says otherwise.</summary>
    public const string DefaultDatabaseFile = "campaign.db";

    /// <summary>The SQLite journal; a relative path is inside the campaign folder.</summary>
    public string DatabaseFile { get; init; } = DefaultDatabaseFile;

    /// <summary>The journal's database: SQLite (DatabaseFile) or PostgreSQL (PostgreSqlConnectionEnv, CampaignName).</summary>
    public PersistenceProvider Provider { get; init; } = PersistenceProvider.Sqlite;

    /// <summary>The environment variable holding the PostgreSQL connection string.</summary>
    public string PostgreSqlConnectionEnv { get; init; } = PersistenceSpec.Default.PostgreSqlConnectionEnv;

    /// <summary>The campaign's name in a PostgreSQL database; empty: the campaign folder's name.</summary>
    public string CampaignName { get; init; } = "";

    /// <summary>How long a PostgreSQL campaign counts as running after its process last renewed its lease.</summary>
    public TimeSpan LeaseTime { get; init; } = PersistenceSpec.Default.LeaseTime;

    public static EngineSettings From(CampaignSpec spec) =>
        new EngineSettings(
            spec.InitialStructures, spec.Search, spec.Relaxer.StepsPerBatch, spec.Workers.EffectiveCount,
            spec.Workers.BatchTimeout, spec.Workers.MaxRetries, spec.Stop.MaxTotalSteps, spec.Fingerprint)
        {
            DefiningSettings = spec.DefiningSettings,
            ExternalPressure = spec.Relaxer.ExternalPressure,
            TargetEnthalpy = spec.Stop.TargetEnthalpy,
            NoImprovementSelections = spec.Stop.NoImprovementSelections,
            Duplicates = spec.Duplicates,
            Prefetch = spec.Workers.Prefetch,
            StopGracePeriod = spec.Workers.StopGracePeriod,
            ResendInterval = spec.Workers.ResendInterval,
            ConfigText = spec.SourceText,
            ConfigDirectory = spec.SourceDirectory,
            DatabaseFile = spec.Persistence.SqliteFile,
            Provider = spec.Persistence.Provider,
            PostgreSqlConnectionEnv = spec.Persistence.PostgreSqlConnectionEnv,
            CampaignName = spec.Persistence.CampaignName,
            LeaseTime = spec.Persistence.LeaseTime,
        };

    /// <summary>
    /// A job with no word from its worker for this long is taken from it and dispatched again: it may
    /// wait behind the worker's other jobs, each of which may run up to BatchTimeout.
    /// </summary>
    public TimeSpan JobDeadline => BatchTimeout * (Prefetch + 2) + TimeSpan.FromSeconds(10);
}
