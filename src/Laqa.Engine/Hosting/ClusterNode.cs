namespace Laqa.Engine.Hosting;

/// <summary>
/// Where a node listens and what it hosts. Hostname is the interface it binds (0.0.0.0: all of them),
/// PublicHostname the name other nodes reach it by (empty: Hostname, or this machine's first
/// non-loopback IPv4 address when Hostname is 0.0.0.0), Port 0 any free port. SeedNodes are
/// "host:port" addresses to join; with none the node forms a cluster by itself. With Tls the node
/// speaks TLS with mutual authentication only (addresses akka.ssl.tcp://).
/// </summary>
public sealed record ClusterNode(string Hostname, int Port, string PublicHostname, IReadOnlyList<string> Roles, IReadOnlyList<string> SeedNodes, ClusterTls? Tls = null)
{
    /// <summary>Hosts the candidates and the campaign and selector singletons; needs the journal.</summary>
    public const string CampaignRole = "campaign";

    /// <summary>Hosts calculator workers; needs no database.</summary>
    public const string WorkerRole = "worker";

    /// <summary>The node `laqa run` starts by default: campaign and workers in one process, on 127.0.0.1 and any free port.</summary>
    public static ClusterNode CampaignAndWorkers => new("127.0.0.1", 0, "", [CampaignRole, WorkerRole], []);
}
