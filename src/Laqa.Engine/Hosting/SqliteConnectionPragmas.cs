using System.Data.Common;
using LinqToDB.Interceptors;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Sets synchronous = NORMAL and a busy timeout on every journal and snapshot-store connection. The busy
/// timeout lets SQLite wait for a writer's lock in short steps, instead of Microsoft.Data.Sqlite retrying
/// after long sleeps. With write-ahead logging
/// a commit is then written to the WAL file without waiting for fsync (the WAL is synced at each
/// checkpoint). What a commit wrote survives the engine's process being killed at any moment; an
/// operating-system crash or power loss may roll back the last commits before the latest checkpoint
/// (the database stays consistent). With synchronous = FULL (SQLite's default) every commit waits for fsync.
/// </summary>
public sealed class SqliteConnectionPragmas : ConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(ConnectionEventData eventData, DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
