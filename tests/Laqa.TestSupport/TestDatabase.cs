using Npgsql;

namespace Laqa.TestSupport;

/// <summary>
/// A fresh database on the test PostgreSQL server, dropped on dispose. The server is the one whose
/// connection string (a role that may create databases and roles) is in LAQA_TEST_POSTGRES, which
/// ./test.sh and .ci/run set (scripts/test-postgres.sh); without it the tests that need it fail.
/// <see cref="Publish"/> puts a connection string in an environment variable of its own, inherited by
/// the laqa processes a test starts, so tests running side by side never share one.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string ServerVariable = "LAQA_TEST_POSTGRES";

    private readonly List<string> _roles = [];
    private readonly List<string> _variables = [];

    public TestDatabase()
    {
        Name = $"laqa_test_{Guid.NewGuid():N}"[..24];
        Execute(Server, $"CREATE DATABASE {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The database, as the server's role (which may create tables).</summary>
    public string ConnectionString { get; }

    public string Password => new NpgsqlConnectionStringBuilder(ConnectionString).Password!;

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server
        : throw new InvalidOperationException($"{ServerVariable} is not set: run the tests with ./test.sh, or start a server with " +
                                              $"`scripts/test-postgres.sh start` and export {ServerVariable} as it prints");

    /// <summary>Sets a new environment variable to this connection string and returns its name.</summary>
    public string Publish(string connectionString)
    {
        var variable = $"LAQA_TEST_PG_{Guid.NewGuid():N}"[..24].ToUpperInvariant();
        Environment.SetEnvironmentVariable(variable, connectionString);
        _variables.Add(variable);
        return variable;
    }

    /// <summary>A new login role that may connect to this database, and create schemas in it or nothing at all.</summary>
    public TestRole Role(bool mayCreate)
    {
        var role = new TestRole($"laqa_role_{Guid.NewGuid():N}"[..20], Guid.NewGuid().ToString("N"), "");
        Execute(Server, $"CREATE ROLE {role.Name} LOGIN PASSWORD '{role.Password}'");
        _roles.Add(role.Name);
        Execute(mayCreate ? $"GRANT CREATE ON DATABASE {Name} TO {role.Name}" : $"REVOKE CREATE ON DATABASE {Name} FROM PUBLIC; REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        return role with { ConnectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Username = role.Name, Password = role.Password }.ConnectionString };
    }

    /// <summary>Runs SQL on this database as the server's role.</summary>
    public void Execute(string sql) => Execute(ConnectionString, sql);

    /// <summary>One value of a query on this database.</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(Server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        foreach (var role in _roles) Execute(Server, $"DROP OWNED BY {role}; DROP ROLE IF EXISTS {role}");
        foreach (var variable in _variables) Environment.SetEnvironmentVariable(variable, null);
    }
}

/// <summary>A login role of the test server and its connection string to a <see cref="TestDatabase"/>.</summary>
public sealed record TestRole(string Name, string Password, string ConnectionString);
