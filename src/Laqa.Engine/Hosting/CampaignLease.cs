using System.Diagnostics;
using System.Data.Common;
using Laqa.Crystal;
using Laqa.Engine.Journal;
using Npgsql;

namespace Laqa.Engine.Hosting;

/// <summary>
/// One cluster runs a PostgreSQL campaign at a time: the row of the campaign schema's lease table
/// names it (a token made by the process that took the lease) and the address of one of its campaign
/// nodes. Every campaign node of that cluster renews the row every third of the lease time, writing
/// its own address, so the lease stays with the cluster whichever of its nodes dies, and the address
/// is a live node's within a third of the lease time. A <c>laqa run</c> that finds the lease held
/// joins that address as a further campaign node (<see cref="Seed"/>) and renews the lease with the
/// others. Once no node renews it and the lease has expired (by the server's clock) the campaign
/// counts as stopped and another run may take it. Taking the lease also creates the schema on first use.
/// </summary>
public sealed class CampaignLease : IDisposable
{
    private static readonly TimeSpan AddressWait = TimeSpan.FromSeconds(30);

    private readonly PostgresJournal _journal;
    private readonly string _owner;
    private readonly TimeSpan _time;
    private readonly Timer _renewal;
    private string? _address;
    private bool _othersRemain;

    private CampaignLease(PostgresJournal journal, string owner, TimeSpan time, string? seed)
    {
        (_journal, _owner, _time, Seed) = (journal, owner, time, seed);
        _renewal = new Timer(_ => Renew(), null, time / 3, time / 3);
    }

    /// <summary>The campaign node ("host:port") to join: null when this process took the lease and forms the cluster.</summary>
    public string? Seed { get; }

    private static string Table(PostgresJournal journal) => $"{journal.Schema}.lease";

    /// <summary>
    /// Takes the lease, creating the schema and its lease table if need be; while another cluster holds
    /// it, shares it and returns the address to join (waiting for the holder to write it once it listens).
    /// </summary>
    public static CampaignLease Acquire(PostgresJournal journal, TimeSpan time)
    {
        var owner = $"{Environment.MachineName} pid {Environment.ProcessId} {Guid.NewGuid().ToString("N")[..8]}";
        var clock = Stopwatch.StartNew();
        try
        {
            using var connection = journal.Open();
            if (!SchemaExists(connection, journal.Schema)) Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {journal.Schema}");
            Execute(connection, $"CREATE TABLE IF NOT EXISTS {Table(journal)} (id integer PRIMARY KEY CHECK (id = 1), owner text NOT NULL, expires_at timestamptz NOT NULL)");
            // Added by fail-over: a lease table made before it has no address.
            Execute(connection, $"ALTER TABLE {Table(journal)} ADD COLUMN IF NOT EXISTS address text");
            while (true)
            {
                var taken = Execute(connection, $"""
                    INSERT INTO {Table(journal)} AS l VALUES (1, @owner, now() + @time, NULL)
                    ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at, address = NULL WHERE l.expires_at < now()
                    """, ("owner", owner), ("time", time));
                if (taken > 0) return new CampaignLease(journal, owner, time, null);
                if (Live(connection, journal) is { Address: { } address } holder) return new CampaignLease(journal, holder.Owner, time, address);
                if (clock.Elapsed > AddressWait) throw Held(journal, Holder(connection, journal));
                Thread.Sleep(200);
            }
        }
        catch (DbException e)
        {
            throw journal.Unreadable(e);
        }
    }

    /// <summary>
    /// The address the lease names now (the node it named may have died since), for a join that has not succeeded; null when the
    /// cluster this node came to join holds it no more (its last node released it, or it expired and another run took it).
    /// </summary>
    public string? CurrentSeed()
    {
        try
        {
            using var connection = _journal.Open();
            return Live(connection, _journal) is { Owner: var owner, Address: { } address } && owner == _owner ? address : null;
        }
        catch (Exception e) when (e is DbException or LaqaInputException)
        {
            return Seed;
        }
    }

    /// <summary>This node listens at address ("host:port"): written with each renewal, for other runs to join.</summary>
    public void Listening(string address)
    {
        _address = address;
        Renew();
    }

    /// <summary>Other campaign nodes run on, or may (this node was downed): leaving, it does not release the lease they renew.</summary>
    public void LeaveToOthers() => _othersRemain = true;

    private static (string Owner, string? Address)? Live(NpgsqlConnection connection, PostgresJournal journal)
    {
        using var command = new NpgsqlCommand($"SELECT owner, address FROM {Table(journal)} WHERE expires_at > now()", connection);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
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
            Execute(connection, $"UPDATE {Table(_journal)} SET expires_at = now() + @time, address = coalesce(@address::text, address) WHERE owner = @owner",
                ("time", _time), ("address", (object?)_address ?? DBNull.Value), ("owner", _owner));
        }
        catch (Exception e) when (e is DbException or LaqaInputException)
        {
            // A renewal missed (the server restarting) is retried at the next tick; the lease outlives two misses.
        }
    }

    public void Dispose()
    {
        _renewal.Dispose();
        if (_othersRemain) return;
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
