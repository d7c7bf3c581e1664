using System.Data.Common;
using Laqa.Crystal;
using Laqa.Engine.Journal;
using Npgsql;

namespace Laqa.Engine.Hosting;

/// <summary>
/// One process runs a PostgreSQL campaign at a time: it holds the row of the campaign schema's lease
/// table and renews it every third of the lease time; a process that dies stops renewing, and once
/// the lease has expired (by the server's clock) the campaign counts as stopped and another
/// <c>laqa run</c> may take it. Taking the schema's lease also creates the schema on first use.
/// (Fail-over will let a second campaign node join the holder here instead of being refused.)
/// </summary>
public sealed class CampaignLease : IDisposable
{
    public static readonly TimeSpan DefaultTime = TimeSpan.FromSeconds(10);

    private readonly PostgresJournal _journal;
    private readonly string _owner;
    private readonly TimeSpan _time;
    private readonly Timer _renewal;

    private CampaignLease(PostgresJournal journal, string owner, TimeSpan time)
    {
        (_journal, _owner, _time) = (journal, owner, time);
        _renewal = new Timer(_ => Renew(), null, time / 3, time / 3);
    }

    private static string Table(PostgresJournal journal) => $"{journal.Schema}.lease";

    /// <summary>Takes the lease, creating the schema and its lease table if need be, or refuses while another process holds it.</summary>
    public static CampaignLease Acquire(PostgresJournal journal, TimeSpan time)
    {
        var owner = $"{Environment.MachineName} pid {Environment.ProcessId} {Guid.NewGuid().ToString("N")[..8]}";
        using var connection = journal.Open();
        try
        {
            if (!SchemaExists(connection, journal.Schema)) Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {journal.Schema}");
            Execute(connection, $"CREATE TABLE IF NOT EXISTS {Table(journal)} (id integer PRIMARY KEY CHECK (id = 1), owner text NOT NULL, expires_at timestamptz NOT NULL)");
            var taken = Execute(connection, $"""
                INSERT INTO {Table(journal)} AS l VALUES (1, @owner, now() + @time)
                ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at WHERE l.expires_at < now()
                """, ("owner", owner), ("time", time));
            if (taken == 0) throw Held(journal, Holder(connection, journal));
        }
        catch (DbException e)
        {
            throw journal.Unreadable(e);
        }
        return new CampaignLease(journal, owner, time);
    }

    /// <summary>The live lease's holder, or null when none holds it (no lease table yet, or expired).</summary>
    public static string? Holder(NpgsqlConnection connection, PostgresJournal journal)
    {
        if (!TableExists(connection, journal.Schema, "lease")) return null;
        using var command = new NpgsqlCommand($"SELECT owner FROM {Table(journal)} WHERE expires_at > now()", connection);
        return command.ExecuteScalar() as string;
    }

    public static bool IsHeld(PostgresJournal journal)
    {
        using var connection = journal.Open();
        try
        {
            return Holder(connection, journal) is not null;
        }
        catch (DbException e)
        {
            throw journal.Unreadable(e);
        }
    }

    public static LaqaInputException Held(PostgresJournal journal, string? holder) =>
        new($"{journal.Name}: the campaign is being run by another process ({holder ?? "a lease not yet expired"})");

    public static bool SchemaExists(NpgsqlConnection connection, string schema)
    {
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @schema", connection);
        command.Parameters.AddWithValue("schema", schema);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static bool TableExists(NpgsqlConnection connection, string schema, string table)
    {
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = @schema AND tablename = @table", connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("table", table);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static int Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteNonQuery();
    }

    private void Renew()
    {
        try
        {
            using var connection = _journal.Open();
            Execute(connection, $"UPDATE {Table(_journal)} SET expires_at = now() + @time WHERE owner = @owner", ("time", _time), ("owner", _owner));
        }
        catch (Exception e) when (e is DbException or LaqaInputException)
        {
            // A renewal missed (the server restarting) is retried at the next tick; the lease outlives two misses.
        }
    }

    public void Dispose()
    {
        _renewal.Dispose();
        try
        {
            using var connection = _journal.Open();
            Execute(connection, $"DELETE FROM {Table(_journal)} WHERE owner = @owner", ("owner", _owner));
        }
        catch (Exception e) when (e is DbException or LaqaInputException)
        {
            // Unreachable at the end: the lease expires on its own.
        }
    }
}
