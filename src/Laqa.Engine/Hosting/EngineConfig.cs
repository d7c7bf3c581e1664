using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Akka.DistributedData;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace Laqa.Engine.Hosting;

/// <summary>
/// The Akka configuration of an engine node: cluster provider on 127.0.0.1, our JSON serializer for
/// every engine message, candidates sharded with remembered entities (stored in the journal), and
/// Akka.Persistence.Sql on a SQLite file whose tables are created on first use.
/// </summary>
public static class EngineConfig
{
    public const string SystemName = "laqa";
    public const string CalculatorRole = "calc";

    public static Config Create(string sqliteFile, int port = 0, string logLevel = "WARNING")
    {
        var hocon = $$"""
            akka {
              loglevel = {{logLevel}}
              stdout-loglevel = {{logLevel}}
              actor.provider = cluster
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
                  remember-entities = on
                  remember-entities-store = eventsourced
                  distributed-data.durable.keys = []
                }
              }
            }
            """;
        // Sharding, singleton and ddata bring their own serializers; given here, not injected once the
        // extensions start, so a remembered-entities store recovering early can already read its events.
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

    /// <summary>Journal and snapshot store in a SQLite file, tables created on first use.</summary>
    public static Config Persistence(string sqliteFile)
    {
        var connection = Quote(new SqliteConnectionStringBuilder { DataSource = sqliteFile }.ToString());
        var hocon = $$"""
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql {
                  connection-string = {{connection}}
                  provider-name = "SQLite.MS"
                  auto-initialize = on
                }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql {
                  connection-string = {{connection}}
                  provider-name = "SQLite.MS"
                  auto-initialize = on
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
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteFile }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
