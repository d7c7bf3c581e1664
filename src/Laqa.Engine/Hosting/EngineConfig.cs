using System.Data.Common;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Akka.DistributedData;
using Akka.Persistence.Sql;
using Akka.Persistence.Sql.Config;
using Laqa.Engine.Journal;
using LinqToDB;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Laqa.Engine.Hosting;

/// <summary>
/// The Akka configuration of an engine node: the embedded engine.conf (cluster, split-brain resolver,
/// roles of sharding and singletons, our serializer, the journal's settings), overridden by the command's
/// log level, overridden by the user's akka { } block, overridden by the node's provider (cluster), address and roles; the campaign node adds its journal (SQLite or PostgreSQL).
/// </summary>
public static class EngineConfig
{
    public const string SystemName = "laqa";

    private static readonly Lazy<Config> EngineDefaults = new(() => Resource("engine.conf"));
    private static readonly Lazy<Config> SerializationDefaults = new(() => Resource("serialization.conf"));
    private static readonly Lazy<Config> JournalDefaults = new(() => Resource("journal.conf"));
    private static readonly Lazy<Config> PostgresDefaults = new(() => Resource("journal-postgresql.conf"));

    /// <summary>A campaign node's setup, with the SQLite connections of <see cref="SqliteConnectionPragmas"/> for journal and snapshot store.</summary>
    public static ActorSystemSetup Setup(string sqliteFile, ClusterNode? node = null, string logLevel = "WARNING", Config? userAkka = null) =>
        WithTls(node, BootstrapSetup.Create().WithConfig(Create(node ?? ClusterNode.CampaignAndWorkers, sqliteFile, logLevel, userAkka)).And(new DataOptionsSetup(
            new DataOptions().UseConnectionString(ProviderName.SQLiteMS, ConnectionString(sqliteFile)).UseInterceptor(new SqliteConnectionPragmas()))));

    /// <summary>
    /// A campaign node's setup on its journal. On PostgreSQL the connection string goes to the journal
    /// only through DataOptions, never into the Akka config (which a log or an error could show).
    /// </summary>
    public static ActorSystemSetup Setup(CampaignJournal journal, ClusterNode node, string logLevel, Config? userAkka) => journal switch
    {
        PostgresJournal pg => WithTls(node, BootstrapSetup.Create().WithConfig(Create(node, PostgresPersistence(pg), logLevel, userAkka))
            .And(new DataOptionsSetup(new DataOptions().UseConnectionString(ProviderName.PostgreSQL15, JournalConnectionString(pg))))),
        SqliteJournal sqlite => Setup(sqlite.File, node, logLevel, userAkka),
        _ => throw new ArgumentOutOfRangeException(nameof(journal)),
    };

    /// <summary>
    /// Npgsql's default pool of 100 lets one node's candidate recoveries take all of a default server's
    /// max_connections (100), leaving none to a further campaign node: a pool of 20 unless the string sets one.
    /// </summary>
    private static string JournalConnectionString(PostgresJournal journal)
    {
        var text = journal.ConnectionString();
        var given = new DbConnectionStringBuilder { ConnectionString = text };
        if (new[] { "Maximum Pool Size", "Max Pool Size", "MaxPoolSize" }.Any(given.ContainsKey)) return text;
        return new NpgsqlConnectionStringBuilder(text) { MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>A node without the campaign role: no journal.</summary>
    public static ActorSystemSetup WorkerSetup(ClusterNode node, string logLevel = "WARNING") =>
        WithTls(node, ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(Create(node, null, logLevel))));

    private static ActorSystemSetup WithTls(ClusterNode? node, ActorSystemSetup setup) => node?.Tls is { } tls ? tls.AddTo(setup) : setup;

    /// <summary>A node's config; sqliteFile only for a node with the campaign role.</summary>
    public static Config Create(ClusterNode node, string? sqliteFile, string logLevel = "WARNING", Config? userAkka = null) =>
        Create(node, sqliteFile is null ? null : Persistence(sqliteFile), logLevel, userAkka);

    private static Config Create(ClusterNode node, Config? persistence, string logLevel, Config? userAkka)
    {
        // The engine runs on a cluster whatever the user's block says.
        var nodeConfig = ConfigurationFactory.ParseString($"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp.hostname = {Quote(node.Hostname)}
            akka.remote.dot-netty.tcp.port = {node.Port}
            akka.remote.dot-netty.tcp.public-hostname = {Quote(PublicHostname(node))}
            akka.cluster.roles = [{string.Join(", ", node.Roles.Select(Quote))}]
            """);
        // The command's log level sits under the user's akka { } block, so a config's akka.loglevel wins.
        var commandLogLevel = ConfigurationFactory.ParseString($"""
            akka.loglevel = {logLevel}
            akka.stdout-loglevel = {logLevel}
            """);
        var config = nodeConfig.WithFallback(userAkka ?? Config.Empty).WithFallback(commandLogLevel).WithFallback(EngineDefaults.Value).WithFallback(Serialization);
        if (persistence is not null) config = config.WithFallback(persistence);
        // Sharding, singleton and ddata bring their own serializers; given here, not injected once the
        // extensions start, so whatever recovers or arrives early can already be read.
        return config
            .WithFallback(ClusterSharding.DefaultConfig())
            .WithFallback(ClusterSingleton.DefaultConfig())
            .WithFallback(DistributedData.DefaultConfig());
    }

    /// <summary>engine.conf alone: what every node shares (remoting's frame and buffers, the cluster, the split-brain resolver).</summary>
    public static Config Defaults => EngineDefaults.Value;

    /// <summary>serialization.conf: binds every <see cref="Laqa.Engine.Serialization.ILaqaMessage"/> to our JSON serializer.</summary>
    public static Config Serialization => SerializationDefaults.Value;

    /// <summary>journal.conf's journal and snapshot store on this SQLite file.</summary>
    public static Config Persistence(string sqliteFile)
    {
        var connection = Quote(ConnectionString(sqliteFile));
        return ConfigurationFactory.ParseString($"""
            akka.persistence.journal.sql.connection-string = {connection}
            akka.persistence.snapshot-store.sql.connection-string = {connection}
            """).WithFallback(JournalDefaults.Value).WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>journal-postgresql.conf's journal and snapshot store in the campaign's schema.</summary>
    private static Config PostgresPersistence(PostgresJournal journal) => ConfigurationFactory.ParseString($"""
        akka.persistence.journal.sql.default.schema-name = {Quote(journal.Schema)}
        akka.persistence.snapshot-store.sql.default.schema-name = {Quote(journal.Schema)}
        """).WithFallback(PostgresDefaults.Value).WithFallback(SqlPersistence.DefaultConfiguration);

    /// <summary>Write-ahead logging lets readers and the single writer work side by side; it is a property of the file, set once.</summary>
    public static void PrepareSqlite(string sqliteFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(sqliteFile))!);
        using var connection = new SqliteConnection(ConnectionString(sqliteFile));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>The address other nodes use: the public hostname, else the bound one, else (bound to all interfaces) this machine's IPv4 address.</summary>
    public static string PublicHostname(ClusterNode node) =>
        node.PublicHostname.Length > 0 ? node.PublicHostname
        : node.Hostname is "0.0.0.0" or "" ? MachineAddress.FirstIPv4() : node.Hostname;

    private static string ConnectionString(string sqliteFile) => new SqliteConnectionStringBuilder { DataSource = sqliteFile }.ToString();

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static Config Resource(string name)
    {
        using var stream = typeof(EngineConfig).Assembly.GetManifestResourceStream($"Laqa.Engine.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded in Laqa.Engine");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
