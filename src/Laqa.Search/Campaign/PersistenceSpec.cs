namespace Laqa.Search.Campaign;

public enum PersistenceProvider { Sqlite, PostgreSql }

/// <summary>
/// Where the event journal lives: a SQLite file (relative paths are in the campaign folder) or a
/// PostgreSQL database whose connection string is in the environment variable PostgreSqlConnectionEnv,
/// never in the config. CampaignName names the campaign there (its schema); empty means the campaign
/// folder's name. On PostgreSQL the running cluster holds the campaign's lease for LeaseTime after its last renewal.
/// </summary>
public sealed record PersistenceSpec(PersistenceProvider Provider, string SqliteFile, string PostgreSqlConnectionEnv, string CampaignName = "")
{
    public static readonly PersistenceSpec Default = new(PersistenceProvider.Sqlite, "campaign.db", "LAQA_POSTGRES");

    /// <summary>How long a PostgreSQL campaign counts as running after its nodes last renewed its lease (renewed every third of it).</summary>
    public TimeSpan LeaseTime { get; init; } = TimeSpan.FromSeconds(10);
}
