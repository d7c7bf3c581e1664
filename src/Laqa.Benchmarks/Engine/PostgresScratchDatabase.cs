using Npgsql;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// A fresh database for the PostgreSQL benchmarks on the server whose connection string (a role that may
/// create databases) is in LAQA_BENCH_POSTGRES, e.g. as `scripts/test-postgres.sh start DIR` prints it;
/// dropped on dispose. Its connection string is put in the environment variable <see cref="Variable"/>,
/// which the campaign nodes read (laqa.persistence.postgresql-connection-env) and child processes inherit.
/// </summary>
public sealed class PostgresScratchDatabase : IDisposable
{
    public const string ServerVariable = "LAQA_BENCH_POSTGRES";
    public const string Variable = "LAQA_BENCH_PG_DATABASE";

    private readonly string _server;

    public PostgresScratchDatabase()
    {
        _server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server
            : throw new InvalidOperationException($"{ServerVariable} is not set: start a server with `scripts/test-postgres.sh start DIR` and export {ServerVariable} as it prints");
        Name = $"laqa_bench_{Guid.NewGuid():N}"[..24];
        Execute(_server, $"CREATE DATABASE {Name}");
        Environment.SetEnvironmentVariable(Variable, new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString);
    }

    public string Name { get; }

    /// <summary>The server's version and the settings that bound a journal's writes.</summary>
    public string ServerDescription()
    {
        using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable));
        connection.Open();
        string Show(string setting)
        {
            using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            return $"{setting} = {command.ExecuteScalar()}";
        }
        return $"PostgreSQL {connection.ServerVersion} on 127.0.0.1 (TCP), {Show("fsync")}, {Show("synchronous_commit")}, {Show("max_connections")}, {Show("shared_buffers")}";
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        Environment.SetEnvironmentVariable(Variable, null);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
