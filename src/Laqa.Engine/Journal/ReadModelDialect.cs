using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Laqa.Engine.Journal;

/// <summary>
/// Where the read model's SQL (<see cref="ReadModelUpdater"/>, <see cref="CampaignReadModel"/>) differs between a SQLite
/// file and a PostgreSQL campaign schema: column types, whether the tables exist, how a writer keeps others out, the
/// snapshot a reader reads in, and how far the journal may be folded.
/// </summary>
internal abstract class ReadModelDialect
{
    public static ReadModelDialect Of(DbConnection connection) => connection is NpgsqlConnection ? Postgres.Instance : Sqlite.Instance;

    /// <summary>Column types of 64-bit integers, doubles and bytes.</summary>
    public abstract string Int64 { get; }

    public abstract string Double { get; }

    public abstract string Bytes { get; }

    /// <summary>A query of 1 when the table exists, else 0.</summary>
    public abstract string TableExists(string table);

    /// <summary>A transaction that no other writer of this model runs beside, begun before the tables may exist.</summary>
    public abstract DbTransaction BeginWriting(DbConnection model);

    /// <summary>A transaction whose reads all see one committed state.</summary>
    public abstract DbTransaction BeginReading(DbConnection model);

    /// <summary>The greatest ordering below which no event of the journal can still commit; null when orderings commit in order.</summary>
    public abstract long? Horizon(DbConnection model, CampaignJournal journal);

    private sealed class Sqlite : ReadModelDialect
    {
        public static readonly Sqlite Instance = new();

        public override string Int64 => "INTEGER";

        public override string Double => "REAL";

        public override string Bytes => "BLOB";

        public override string TableExists(string table) => $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";

        // BEGIN IMMEDIATE: the database's one write lock.
        public override DbTransaction BeginWriting(DbConnection model) => ((SqliteConnection)model).BeginTransaction(deferred: false);

        public override DbTransaction BeginReading(DbConnection model) => ((SqliteConnection)model).BeginTransaction(deferred: true);

        // One writer: an ordering is never committed after a greater one.
        public override long? Horizon(DbConnection model, CampaignJournal journal) => null;
    }

    private sealed class Postgres : ReadModelDialect
    {
        public static readonly Postgres Instance = new();

        public override string Int64 => "bigint";

        public override string Double => "double precision";

        public override string Bytes => "bytea";

        // The model's connection has the campaign's schema as its search path. A query of the catalog, not to_regclass: its cache
        // may not yet know of a table another writer created while this one waited for the lock.
        public override string TableExists(string table) => $"SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = '{table}'";

        /// <summary>
        /// Two campaign nodes of one campaign (fail-over) both keep its model: a writer holds the campaign's transaction-level
        /// advisory lock (keyed by the schema's name), so writers take turns, and each re-reads the position under it before
        /// writing (<see cref="ReadModelUpdater"/>).
        /// </summary>
        public override DbTransaction BeginWriting(DbConnection model)
        {
            var transaction = model.BeginTransaction();
            using var command = model.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT pg_advisory_xact_lock(hashtext('laqa read model ' || current_schema()))";
            command.ExecuteNonQuery();
            return transaction;
        }

        public override DbTransaction BeginReading(DbConnection model) => model.BeginTransaction(IsolationLevel.RepeatableRead);

        /// <summary>
        /// Orderings come from a sequence as rows are inserted, so a journal writer (several per campaign) may commit an ordering
        /// after a greater one, and a model whose position passed it would never fold it. Every writer holds ROW EXCLUSIVE on the
        /// journal table from before it takes an ordering until it commits: SHARE waits for those under way (and holds new ones
        /// back for an instant), so the greatest ordering seen then is a horizon that no later commit falls below.
        /// </summary>
        public override long? Horizon(DbConnection model, CampaignJournal journal)
        {
            using var transaction = model.BeginTransaction();
            using var command = model.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SET LOCAL lock_timeout = '10s'; LOCK TABLE {journal.JournalTable} IN SHARE MODE; " +
                                  $"SELECT coalesce(max(ordering), 0) FROM {journal.JournalTable}";
            try
            {
                var horizon = Convert.ToInt64(command.ExecuteScalar());
                transaction.Commit();
                return horizon;
            }
            catch (PostgresException e) when (journal.IsMissingTable(e))
            {
                return 0; // no event written yet
            }
        }
    }
}
