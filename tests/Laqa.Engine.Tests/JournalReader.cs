using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Laqa.Engine.Tests;

/// <summary>One row of the event journal: persistence id, sequence number, manifest (our type name) and the JSON payload.</summary>
public sealed record JournalRow(string PersistenceId, long SequenceNr, string Manifest, JsonElement Payload);

/// <summary>Reads the Akka.Persistence.Sql journal of a campaign database with plain SQL, independently of the engine.</summary>
public static class JournalReader
{
    public static IReadOnlyList<JournalRow> Read(string database, string persistenceIdPrefix)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT persistence_id, sequence_number, manifest, message FROM journal " +
                              "WHERE persistence_id LIKE $prefix AND deleted = 0 ORDER BY persistence_id, sequence_number";
        command.Parameters.AddWithValue("$prefix", persistenceIdPrefix + "%");
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
