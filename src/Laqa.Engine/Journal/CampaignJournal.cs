using System.Data.Common;
using System.Text.Json;
using Laqa.Crystal;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Journal;

/// <summary>
/// Where a campaign's events are, for the readers that go to the database directly (status, export,
/// the folder guard): a SQLite file, or the campaign's schema in a PostgreSQL database. Each gives a
/// connection for reading, the journal table's name in SQL, whether a process runs the campaign, and
/// database errors as one line of bad input that never holds a secret.
/// </summary>
public abstract record CampaignJournal
{
    /// <summary>The file in a campaign folder that remembers where a journal outside it is (never the secret).</summary>
    public const string PointerFile = "journal.json";

    /// <summary>How messages name the journal.</summary>
    public abstract string Name { get; }

    /// <summary>False only when there is certainly nothing to read (no SQLite file).</summary>
    public abstract bool Exists { get; }

    /// <summary>The journal table as SQL names it.</summary>
    public abstract string JournalTable { get; }

    /// <summary>What a refused campaign is told to choose instead.</summary>
    public abstract string OtherChoice { get; }

    /// <summary>An open connection that sees committed events only.</summary>
    public abstract DbConnection OpenForReading();

    /// <summary>Whether a live process runs the campaign (the lock of a SQLite folder, the lease of a PostgreSQL campaign).</summary>
    public abstract bool IsRunning();

    public abstract bool IsMissingTable(DbException e);

    /// <summary>A database error as bad input naming the journal.</summary>
    public abstract LaqaInputException Unreadable(Exception e);

    /// <summary>The journal a run of these settings in this folder writes.</summary>
    public static CampaignJournal Of(EngineSettings settings, string campaignDir) => settings.Provider == PersistenceProvider.PostgreSql
        ? new PostgresJournal(settings.PostgreSqlConnectionEnv, settings.CampaignName.Length > 0 ? settings.CampaignName : CampaignNames.FromFolder(campaignDir))
        : new SqliteJournal(Path.Combine(campaignDir, settings.DatabaseFile));

    /// <summary>The journal of a campaign folder (the one its pointer file names, else its campaign.db), or a SQLite file itself.</summary>
    public static CampaignJournal OfFolder(string folderOrDatabase)
    {
        if (File.Exists(folderOrDatabase)) return new SqliteJournal(folderOrDatabase);
        if (!Directory.Exists(folderOrDatabase)) throw new LaqaInputException($"{folderOrDatabase}: no such campaign folder");
        var pointer = Path.Combine(folderOrDatabase, PointerFile);
        if (!File.Exists(pointer)) return new SqliteJournal(Path.Combine(folderOrDatabase, EngineSettings.DefaultDatabaseFile));
        try
        {
            return JsonSerializer.Deserialize<JournalPointer>(File.ReadAllText(pointer))?.ToJournal()
                   ?? throw new LaqaInputException($"{pointer}: empty");
        }
        catch (JsonException e)
        {
            throw new LaqaInputException($"{pointer}: not a journal pointer ({e.Message})");
        }
    }

    /// <summary>Writes the folder's pointer file when the journal is outside the folder.</summary>
    public void Remember(string campaignDir)
    {
        if (this is not PostgresJournal pg) return;
        var pointer = Path.Combine(campaignDir, PointerFile);
        File.WriteAllText(pointer + ".tmp", JsonSerializer.Serialize(new JournalPointer("postgresql", pg.ConnectionEnv, pg.Campaign)));
        File.Move(pointer + ".tmp", pointer, overwrite: true);
    }

    private sealed record JournalPointer(string Provider, string ConnectionEnv, string Campaign)
    {
        public CampaignJournal ToJournal() => Provider == "postgresql" && CampaignNames.IsValid(Campaign)
            ? new PostgresJournal(ConnectionEnv, Campaign)
            : throw new LaqaInputException($"{PointerFile}: provider {Provider} with campaign '{Campaign}' is not a journal this version reads");
    }
}
