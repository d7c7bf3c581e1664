using System.Text.Json;
using Laqa.Engine.Journal;
using Microsoft.Data.Sqlite;

namespace Laqa.Engine.Tests;

/// <summary>One row of the event journal: persistence id, sequence number, manifest (our type name) and the JSON payload.</summary>
public sealed record JournalRow(string PersistenceId, long SequenceNr, string Manifest, JsonElement Payload);

/// <summary>Reads the Akka.Persistence.Sql journal of a campaign (SQLite or PostgreSQL) with plain SQL, independently of the engine.</summary>
public static class JournalReader
{
    public static IReadOnlyList<JournalRow> Read(string database, string persistenceIdPrefix) => Read(new SqliteJournal(database), persistenceIdPrefix);

    public static IReadOnlyList<JournalRow> Read(CampaignJournal journal, string persistenceIdPrefix)
    {
        using var connection = journal.OpenForReading();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT persistence_id, sequence_number, manifest, message FROM {journal.JournalTable} " +
                              "WHERE persistence_id LIKE @prefix AND NOT deleted ORDER BY persistence_id, sequence_number";
        var prefix = command.CreateParameter();
        (prefix.ParameterName, prefix.Value) = ("prefix", persistenceIdPrefix + "%");
        command.Parameters.Add(prefix);
        using var reader = command.ExecuteReader();
        var rows = new List<JournalRow>();
        while (reader.Read())
            rows.Add(new JournalRow(reader.GetString(0), reader.GetInt64(1), reader.GetString(2),
                JsonDocument.Parse((byte[])reader[3]).RootElement.Clone()));
        return rows;
    }

    public static long CountSnapshots(string database, string persistenceIdPrefix)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM snapshot WHERE persistence_id LIKE $prefix";
        command.Parameters.AddWithValue("$prefix", persistenceIdPrefix + "%");
        return (long)command.ExecuteScalar()!;
    }
}
