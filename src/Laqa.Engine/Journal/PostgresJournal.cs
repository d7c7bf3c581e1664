using System.Data.Common;
using System.Net.Sockets;
using Laqa.Crystal;
using Laqa.Engine.Hosting;
using Npgsql;

namespace Laqa.Engine.Journal;

/// <summary>
/// A campaign's journal in a PostgreSQL database: the tables of schema laqa_CAMPAIGN, so campaigns
/// sharing a database never see each other's events. The connection string is read from the
/// environment variable ConnectionEnv when a connection is opened, and never shown: errors name the
/// variable and the campaign, with the server's reason (which does not hold the password).
/// </summary>
public sealed record PostgresJournal(string ConnectionEnv, string Campaign) : CampaignJournal
{
    public string Schema => CampaignNames.SchemaOf(Campaign);

    public override string Name => $"campaign {Campaign} (PostgreSQL, ${ConnectionEnv})";

    public override bool Exists => true;

    public override string JournalTable => $"{Schema}.journal";

    public override string OtherChoice => "choose another laqa.persistence.campaign-name or --dir";

    private const string IdleInTransactionSetting = "idle_in_transaction_session_timeout";

    /// <summary>A session idle this long inside a transaction is ended by the server, releasing its locks (journal writes take milliseconds).</summary>
    public static readonly TimeSpan IdleInTransactionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The connection string, or bad input naming the variable when it is not set or not one.</summary>
    public string ConnectionString()
    {
        var text = Environment.GetEnvironmentVariable(ConnectionEnv);
        if (string.IsNullOrWhiteSpace(text))
            throw new LaqaInputException($"the environment variable {ConnectionEnv} is not set: it must hold the PostgreSQL connection string " +
                                         "(laqa.persistence.postgresql-connection-env names it)");
        Secrets.Add(text);
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            Secrets.Add(builder.Password);
            // A process frozen or cut off inside a journal write would otherwise hold its row locks, and so block the campaign
            // node that took over, until the server notices the dead connection (hours); a connection string that sets it keeps its own.
            if (builder.Options?.Contains(IdleInTransactionSetting, StringComparison.Ordinal) != true)
                builder.Options = $"{builder.Options} -c {IdleInTransactionSetting}={IdleInTransactionTimeout.TotalMilliseconds:F0}".Trim();
            return builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // The parser's message may quote the string: the variable's name is all that is said.
            throw new LaqaInputException($"the environment variable {ConnectionEnv} does not hold a valid PostgreSQL connection string");
        }
    }

    public override DbConnection OpenForReading() => Open();

    /// <summary>An open connection; with searchPath, unqualified names are those of that schema (the read model's tables).</summary>
    public NpgsqlConnection Open(string? searchPath = null)
    {
        var connection = new NpgsqlConnection(searchPath is null ? ConnectionString() : new NpgsqlConnectionStringBuilder(ConnectionString()) { SearchPath = searchPath }.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is DbException or TimeoutException or SocketException)
        {
            connection.Dispose();
            throw Unreadable(e);
        }
    }

    public override bool IsRunning() => CampaignLease.IsHeld(this);

    // 42P01: undefined table (also when the campaign's schema does not exist); 3F000: creating in a schema that does not exist.
    public override bool IsMissingTable(DbException e) => e is PostgresException { SqlState: "42P01" };

    public override LaqaInputException Unreadable(Exception e) =>
        new(Secrets.Redact($"{Name}: {(e is PostgresException { SqlState: "42P01" or "3F000" } ? "no such campaign in this database" : Reason(e))}"));

    /// <summary>The cause in the server's or the network's words, one line.</summary>
    public static string Reason(Exception e) => Secrets.Redact(e switch
    {
        PostgresException p => $"{p.MessageText} (SQLSTATE {p.SqlState})",
        _ when Find<SocketException>(e) is { } s => $"cannot reach the server ({s.Message})",
        _ when Find<TimeoutException>(e) is not null => "the server did not answer in time",
        _ => e.Message.Split('\n', 2)[0].Trim(),
    });

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }
}
