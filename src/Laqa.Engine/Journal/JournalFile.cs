using System.Data.Common;
using Laqa.Crystal;
using Laqa.Engine.Serialization;

namespace Laqa.Engine.Journal;

/// <summary>One of our events in the journal: its global position (order of writing), stream and payload.</summary>
public sealed record JournalEntry(long Ordering, string PersistenceId, long SequenceNr, object Event);

/// <summary>
/// Reads a campaign's journal without an actor system (<see cref="CampaignJournal"/>: SQLite read-only
/// and unpooled, or the campaign's PostgreSQL schema), in one statement (a consistent snapshot, so a
/// running campaign's writer is neither blocked nor seen half-way). Returns the events our serializer
/// wrote, in the order they were written.
/// </summary>
public static class JournalFile
{
    public static IReadOnlyList<JournalEntry> Read(string database) => Read(new SqliteJournal(database));

    public static IReadOnlyList<JournalEntry> Read(CampaignJournal journal)
    {
        if (!journal.Exists) throw new LaqaInputException($"{Path.GetDirectoryName(Path.GetFullPath(journal.Name))}: no campaign here ({Path.GetFileName(journal.Name)} not found)");
        return Query(journal, "", null);
    }

    /// <summary>The first event of one stream, or null when the journal (or its table) holds none yet.</summary>
    public static JournalEntry? First(CampaignJournal journal, string persistenceId) =>
        Query(journal, "AND persistence_id = @id AND sequence_number = 1", persistenceId).FirstOrDefault();

    private static List<JournalEntry> Query(CampaignJournal journal, string condition, string? persistenceId)
    {
        try
        {
            using var connection = journal.OpenForReading();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT ordering, persistence_id, sequence_number, manifest, message FROM {journal.JournalTable} " +
                                  $"WHERE identifier = @serializer AND NOT deleted {condition} ORDER BY ordering";
            Add(command, "serializer", LaqaJsonSerializer.SerializerId);
            if (persistenceId is not null) Add(command, "id", persistenceId);
            using var reader = command.ExecuteReader();
            var options = LaqaJsonSerializer.CreateOptions();
            var entries = new List<JournalEntry>();
            while (reader.Read())
                entries.Add(new JournalEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2),
                    LaqaJsonSerializer.Deserialize((byte[])reader[4], reader.GetString(3), options)));
            return entries;
        }
        catch (DbException e) when (persistenceId is not null && journal.IsMissingTable(e))
        {
            // A database created but never journalled to: no campaign has started in it.
            return [];
        }
        catch (DbException e)
        {
            throw journal.Unreadable(e);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
