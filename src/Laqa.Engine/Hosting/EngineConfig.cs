using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Akka.DistributedData;
using Akka.Persistence.Sql;
using Akka.Persistence.Sql.Config;
using LinqToDB;
using Microsoft.Data.Sqlite;

namespace Laqa.Engine.Hosting;

/// <summary>
/// The Akka configuration of an engine node: cluster provider on 127.0.0.1, our JSON serializer for
/// every engine message, candidates sharded and started on demand (the selector's messages reach
/// every candidate that has work; remembering them would recover all of them at every start), and
/// Akka.Persistence.Sql on a SQLite file whose tables are created on first use.
/// </summary>
public static class EngineConfig
{
    public const string SystemName = "laqa";
    public const string CalculatorRole = "calc";

    /// <summary>The node's config with the SQLite connections of <see cref="SqliteConnectionPragmas"/> for journal and snapshot store.</summary>
    public static ActorSystemSetup Setup(string sqliteFile, int port = 0, string logLevel = "WARNING") =>
        BootstrapSetup.Create().WithConfig(Create(sqliteFile, port, logLevel)).And(new DataOptionsSetup(
            new DataOptions().UseConnectionString(ProviderName.SQLiteMS, ConnectionString(sqliteFile)).UseInterceptor(new SqliteConnectionPragmas())));

    public static Config Create(string sqliteFile, int port = 0, string logLevel = "WARNING")
    {
        var hocon = $$"""
            akka {
              loglevel = {{logLevel}}
              stdout-loglevel = {{logLevel}}
              actor.provider = cluster
              # laqa run handles SIGINT, SIGTERM and SIGHUP (a graceful stop, then a grace period); Akka's own
              # hook would terminate the actor system under a campaign still waiting for its end.
              coordinated-shutdown.run-by-clr-shutdown-hook = off
              remote.dot-netty.tcp {
                hostname = "127.0.0.1"
                port = {{port}}
              }
              cluster {
                roles = [{{CalculatorRole}}]
                min-nr-of-members = 1
                singleton-proxy {
                  singleton-identification-interval = 200ms
                  # Akka 1.5.73 logs "failed to find ... after 30 seconds" at start-up, before any 30 s have passed.
                  log-singleton-identification-failure = false
                }
                sharding {
                  state-store-mode = ddata
                  remember-entities = off
                  distributed-data.durable.keys = []
                  # On a busy machine the coordinator's state update can take longer than 5 s (the default).
                  updating-state-timeout = 30s
                }
              }
            }
            """;
        // Sharding, singleton and ddata bring their own serializers; given here, not injected once the
        // extensions start, so whatever recovers or arrives early can already be read.
        return ConfigurationFactory.ParseString(hocon).WithFallback(Serialization).WithFallback(Persistence(sqliteFile))
            .WithFallback(ClusterSharding.DefaultConfig())
            .WithFallback(ClusterSingleton.DefaultConfig())
            .WithFallback(DistributedData.DefaultConfig());
    }

    /// <summary>Binds every <see cref="Laqa.Engine.Serialization.ILaqaMessage"/> to our JSON serializer.</summary>
    public static Config Serialization => ConfigurationFactory.ParseString("""
        akka.actor {
          serializers.laqa-json = "Laqa.Engine.Serialization.LaqaJsonSerializer, Laqa.Engine"
          serialization-bindings {
            "Laqa.Engine.Serialization.ILaqaMessage, Laqa.Engine" = laqa-json
          }
        }
        """);

    /// <summary>
    /// Journal and snapshot store in a SQLite file, tables created on first use. Reads run in deferred
    /// transactions ("read-uncommitted" is Microsoft.Data.Sqlite's way to ask for BEGIN instead of BEGIN
    /// IMMEDIATE; without a shared cache they read the last committed state), so that the recoveries of
    /// many candidates neither take the write lock nor wait for each other.
    /// </summary>
    public static Config Persistence(string sqliteFile)
    {
        var connection = Quote(ConnectionString(sqliteFile));
        var hocon = $$"""
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql {
                  connection-string = {{connection}}
                  provider-name = "SQLite.MS"
                  auto-initialize = on
                  read-isolation-level = read-uncommitted
                  # One writer, so writes commit in the order they reach the journal: a worker's next result
                  # is written only after the selections its previous result led to (and SQLite has one writer anyway).
                  parallelism = 1
                  # No tags are written: the tag table would only add a query to every write.
                  tag-write-mode = Csv
                  use-clone-connection = false
                  # Longer than SQLite's busy timeout: a write that waits for the lock fails with SQLite's
                  # error, not with a timeout after which it may still commit.
                  circuit-breaker.call-timeout = 60s
                }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql {
                  connection-string = {{connection}}
                  provider-name = "SQLite.MS"
                  auto-initialize = on
                  read-isolation-level = read-uncommitted
                  circuit-breaker.call-timeout = 60s
                }
              }
            }
            """;
        return ConfigurationFactory.ParseString(hocon).WithFallback(SqlPersistence.DefaultConfiguration);
    }

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

    private static string ConnectionString(string sqliteFile) => new SqliteConnectionStringBuilder { DataSource = sqliteFile }.ToString();

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
