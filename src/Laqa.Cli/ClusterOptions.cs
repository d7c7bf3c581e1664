using System.CommandLine;
using System.Net;
using Laqa.Crystal;
using Laqa.Engine.Hosting;

namespace Laqa.Cli;

/// <summary>--hostname, --port and --public-hostname, as `laqa run` and `laqa worker` take them.</summary>
public sealed class ClusterOptions
{
    public Option<string?> Hostname { get; } = new("--hostname") { Description = "interface to listen on for other nodes: an address or name of this machine, or 0.0.0.0 for all (default 127.0.0.1: this machine only)" };

    public Option<int?> Port { get; } = new("--port") { Description = "TCP port to listen on (default 0: any free port)" };

    public Option<string?> PublicHostname { get; } = new("--public-hostname") { Description = "name or address other machines reach this node by (default: the hostname; with 0.0.0.0, this machine's first IPv4 address)" };

    public IEnumerable<Option> All => [Hostname, Port, PublicHostname];

    /// <summary>The node's address: the command line over the given defaults (a campaign's laqa.cluster).</summary>
    public ClusterNode Node(ParseResult parsed, string hostname, int port, string publicHostname, IReadOnlyList<string> roles, IReadOnlyList<string> seedNodes)
    {
        var node = new ClusterNode(
            parsed.GetValue(Hostname)?.Trim() ?? hostname,
            parsed.GetValue(Port) ?? port,
            parsed.GetValue(PublicHostname)?.Trim() ?? publicHostname,
            roles, seedNodes);
        if (node.Port is < 0 or > ClusterAddress.MaxPort) throw new LaqaInputException($"--port: {node.Port} is not a port (0-{ClusterAddress.MaxPort})");
        if (node.Hostname.Length == 0) throw new LaqaInputException("--hostname: empty; give an address or name of this machine, or 0.0.0.0");
        return node;
    }

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
