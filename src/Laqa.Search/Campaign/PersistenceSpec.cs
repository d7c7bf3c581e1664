namespace Laqa.Search.Campaign;

public enum PersistenceProvider { Sqlite, PostgreSql }

/// <summary>Where the event journal lives: a SQLite file (relative paths are in the campaign folder) or PostgreSQL.</summary>
public sealed record PersistenceSpec(PersistenceProvider Provider, string SqliteFile, string PostgreSqlConnectionString)
{
    public static readonly PersistenceSpec Default = new(PersistenceProvider.Sqlite, "campaign.db", "");
}
