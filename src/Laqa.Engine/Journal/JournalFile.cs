using System.Data.Common;
using System.Runtime.Serialization;
using System.Text.Json;
using Laqa.Crystal;
using Laqa.Engine.Serialization;

namespace Laqa.Engine.Journal;

/// <summary>One of our events in the journal: its global position (order of writing), stream and payload.</summary>
public sealed record JournalEntry(long Ordering, string PersistenceId, long SequenceNr, object Event);

/// <summary>
/// Reads a campaign's journal without an actor system (<see cref="CampaignJournal"/>: SQLite read-only
/// and unpooled, or the campaign's PostgreSQL schema), each call one statement (a consistent snapshot, so
/// a running campaign's writer is neither blocked nor seen half-way). Returns the events our serializer
/// wrote, in the order they were written.
/// </summary>
public static class JournalFile
{
    // Built once: options cache what they learn of each type, and a read model catching up reads the journal many times.
    private static readonly Lazy<JsonSerializerOptions> Options = new(LaqaJsonSerializer.CreateOptions);

    public static IReadOnlyList<JournalEntry> Read(string database) => Read(new SqliteJournal(database));

    public static IReadOnlyList<JournalEntry> Read(CampaignJournal journal)
    {
        RequireExists(journal);
        return Query(journal, "", null);
    }

    /// <summary>
    /// At most limit events written after position `after` (an ordering) and up to upTo if given, in order; none when the
    /// journal has no table yet. SQLite has one writer, so an ordering is never committed after a greater one: nothing appears
    /// later below a position read. PostgreSQL's writers may commit out of order: upTo is then a horizon below which all is committed.
    /// </summary>
    public static IReadOnlyList<JournalEntry> ReadAfter(CampaignJournal journal, long after, int limit, long? upTo = null)
    {
        RequireExists(journal);
        return Query(journal, $"AND ordering > {after}" + (upTo is { } last ? $" AND ordering <= {last}" : ""), null, limit, tolerateNoTable: true);
    }

    /// <summary>The first event of one stream, or null when the journal (or its table) holds none yet.</summary>
    public static JournalEntry? First(CampaignJournal journal, string persistenceId) =>
        Query(journal, "AND persistence_id = @id AND sequence_number = 1", persistenceId, 1, tolerateNoTable: true).FirstOrDefault();

    /// <summary>Whether the journal holds this event at this position (a read model's position belongs to this journal).</summary>
    public static bool Holds(CampaignJournal journal, long ordering, string persistenceId, long sequenceNr) =>
        Query(journal, $"AND ordering = {ordering} AND persistence_id = @id AND sequence_number = {sequenceNr}", persistenceId, 1, tolerateNoTable: true).Count == 1;

    public static void RequireExists(CampaignJournal journal)
    {
        if (!journal.Exists) throw new LaqaInputException($"{Path.GetDirectoryName(Path.GetFullPath(journal.Name))}: no campaign here ({Path.GetFileName(journal.Name)} not found)");
    }

    private static List<JournalEntry> Query(CampaignJournal journal, string condition, string? persistenceId, int? limit = null, bool tolerateNoTable = false)
    {
        var entries = new List<JournalEntry>();
        try
        {
            using var connection = journal.OpenForReading();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT ordering, persistence_id, sequence_number, manifest, message FROM {journal.JournalTable} " +
                                  $"WHERE identifier = @serializer AND NOT deleted {condition} ORDER BY ordering" + (limit is { } n ? $" LIMIT {n}" : "");
            Add(command, "serializer", LaqaJsonSerializer.SerializerId);
            if (persistenceId is not null) Add(command, "id", persistenceId);
            using var reader = command.ExecuteReader();
            var options = Options.Value;
            while (reader.Read())
                entries.Add(new JournalEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2),
                    LaqaJsonSerializer.Deserialize((byte[])reader[4], reader.GetString(3), options)));
            return entries;
        }
        catch (DbException e) when (tolerateNoTable && journal.IsMissingTable(e))
        {
            // A database created but never journalled to: no campaign has started in it.
            return [];
        }
        catch (DbException e)
        {
            throw journal.Unreadable(e);
        }
        catch (Exception e) when (e is JsonException or SerializationException or FormatException)
        {
            var at = entries.Count > 0 ? $" after position {entries[^1].Ordering}" : "";
            throw new LaqaInputException($"{journal.Name}: the journal cannot be read: an event{at} is damaged ({e.Message})");
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
