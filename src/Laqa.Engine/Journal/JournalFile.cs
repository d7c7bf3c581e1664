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
    public static IReadOnlyList<JournalEntry> Read(string database)
    {
        if (!File.Exists(database)) throw new LaqaInputException($"{Path.GetDirectoryName(Path.GetFullPath(database))}: no campaign here ({Path.GetFileName(database)} not found)");
        return Query(database, "", null);
    }

    /// <summary>The first event of one stream, or null when the journal (or its table) holds none yet.</summary>
    public static JournalEntry? First(string database, string persistenceId) =>
        Query(database, "AND persistence_id = $id AND sequence_number = 1", persistenceId).FirstOrDefault();

    private static List<JournalEntry> Query(string database, string condition, string? persistenceId)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var sqlite = new SqliteConnection(connection);
        try
        {
            sqlite.Open();
            using var command = sqlite.CreateCommand();
            command.CommandText = "SELECT ordering, persistence_id, sequence_number, manifest, message FROM journal " +
                                  $"WHERE identifier = $serializer AND deleted = 0 {condition} ORDER BY ordering";
            command.Parameters.AddWithValue("$serializer", LaqaJsonSerializer.SerializerId);
            if (persistenceId is not null) command.Parameters.AddWithValue("$id", persistenceId);
            using var reader = command.ExecuteReader();
            var options = LaqaJsonSerializer.CreateOptions();
            var entries = new List<JournalEntry>();
            while (reader.Read())
                entries.Add(new JournalEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2),
                    LaqaJsonSerializer.Deserialize((byte[])reader[4], reader.GetString(3), options)));
            return entries;
        }
        catch (SqliteException e) when (persistenceId is not null && e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            // A database created but never journalled to: no campaign has started in it.
            return [];
        }
        catch (SqliteException e)
        {
            throw new LaqaInputException($"{database}: not a campaign journal ({e.Message})");
        }
    }
}
