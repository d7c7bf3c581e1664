using System.Runtime.Serialization;
using System.Text.Json;
using Laqa.Crystal;
using Laqa.Engine.Serialization;
using Microsoft.Data.Sqlite;

namespace Laqa.Engine.Journal;

/// <summary>One of our events in the journal: its global position (order of writing), stream and payload.</summary>
public sealed record JournalEntry(long Ordering, string PersistenceId, long SequenceNr, object Event);

/// <summary>
/// Reads a campaign's SQLite journal without an actor system: read-only, unpooled, one statement
/// (a consistent snapshot in WAL mode, so a running campaign's writer is neither blocked nor seen
/// half-way). Returns the events our serializer wrote, in the order they were written.
/// </summary>
public static class JournalFile
{
    // Built once: options cache what they learn of each type, and a read model catching up reads the journal many times.
    private static readonly Lazy<JsonSerializerOptions> Options = new(LaqaJsonSerializer.CreateOptions);

    /// <summary>The journal of a campaign folder with the default journal name, or the journal file itself.</summary>
    public static string DatabaseIn(string folderOrDatabase)
    {
        if (File.Exists(folderOrDatabase)) return folderOrDatabase;
        if (!Directory.Exists(folderOrDatabase)) throw new LaqaInputException($"{folderOrDatabase}: no such campaign folder");
        return Path.Combine(folderOrDatabase, EngineSettings.DefaultDatabaseFile);
    }

    public static IReadOnlyList<JournalEntry> Read(string database)
    {
        RequireFile(database);
        return Query(database, "", null);
    }

    /// <summary>
    /// At most limit events written after position `after` (an ordering), in order; none when the journal has no table yet.
    /// SQLite has one writer, so an ordering is never committed after a greater one: nothing appears later below a position read.
    /// </summary>
    public static IReadOnlyList<JournalEntry> ReadAfter(string database, long after, int limit)
    {
        RequireFile(database);
        return Query(database, $"AND ordering > {after}", null, limit, tolerateNoTable: true);
    }

    /// <summary>The first event of one stream, or null when the journal (or its table) holds none yet.</summary>
    public static JournalEntry? First(string database, string persistenceId) =>
        Query(database, "AND persistence_id = $id AND sequence_number = 1", persistenceId, 1, tolerateNoTable: true).FirstOrDefault();

    /// <summary>Whether the journal holds this event at this position (a read model's position belongs to this journal).</summary>
    public static bool Holds(string database, long ordering, string persistenceId, long sequenceNr) =>
        Query(database, $"AND ordering = {ordering} AND persistence_id = $id AND sequence_number = {sequenceNr}", persistenceId, 1, tolerateNoTable: true).Count == 1;

    public static void RequireFile(string database)
    {
        if (!File.Exists(database)) throw new LaqaInputException($"{Path.GetDirectoryName(Path.GetFullPath(database))}: no campaign here ({Path.GetFileName(database)} not found)");
    }

    private static List<JournalEntry> Query(string database, string condition, string? persistenceId, int? limit = null, bool tolerateNoTable = false)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var sqlite = new SqliteConnection(connection);
        var entries = new List<JournalEntry>();
        try
        {
            sqlite.Open();
            using var command = sqlite.CreateCommand();
            command.CommandText = "SELECT ordering, persistence_id, sequence_number, manifest, message FROM journal " +
                                  $"WHERE identifier = $serializer AND deleted = 0 {condition} ORDER BY ordering" + (limit is { } n ? $" LIMIT {n}" : "");
            command.Parameters.AddWithValue("$serializer", LaqaJsonSerializer.SerializerId);
            if (persistenceId is not null) command.Parameters.AddWithValue("$id", persistenceId);
            using var reader = command.ExecuteReader();
            var options = Options.Value;
            while (reader.Read())
                entries.Add(new JournalEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2),
                    LaqaJsonSerializer.Deserialize((byte[])reader[4], reader.GetString(3), options)));
            return entries;
        }
        catch (SqliteException e) when (tolerateNoTable && e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            // A database created but never journalled to: no campaign has started in it.
            return [];
        }
        catch (SqliteException e)
        {
            throw new LaqaInputException($"{database}: not a campaign journal ({e.Message})");
        }
        catch (Exception e) when (e is JsonException or SerializationException or FormatException)
        {
            var at = entries.Count > 0 ? $" after position {entries[^1].Ordering}" : "";
            throw new LaqaInputException($"{database}: the journal cannot be read: an event{at} is damaged ({e.Message})");
        }
    }
}
