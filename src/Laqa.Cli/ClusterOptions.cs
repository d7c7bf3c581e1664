using System.CommandLine;
using System.Net;
using Laqa.Crystal;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Cli;

/// <summary>--hostname, --port and --public-hostname, as `laqa run` and `laqa worker` take them.</summary>
public sealed class ClusterOptions
{
    public Option<string?> Hostname { get; } = new("--hostname") { Description = "interface to listen on for other nodes: an address or name of this machine, or 0.0.0.0 for all (default 127.0.0.1: this machine only)" };

    public Option<int?> Port { get; } = new("--port") { Description = "TCP port to listen on (default 0: any free port)" };

    public Option<string?> PublicHostname { get; } = new("--public-hostname") { Description = "name or address other machines reach this node by (default: the hostname; with 0.0.0.0, this machine's first IPv4 address)" };

    public Option<string?> TlsCertificate { get; } = new("--tls-certificate") { Description = "PKCS#12 file with this node's certificate, its key and the cluster's CA certificate: remoting over TLS with mutual authentication" };

    public Option<string?> TlsPasswordEnv { get; } = new("--tls-password-env") { Description = $"environment variable holding the certificate file's password (default {ClusterSpec.DefaultPasswordEnv})" };

    public IEnumerable<Option> All => [Hostname, Port, PublicHostname, TlsCertificate, TlsPasswordEnv];

    /// <summary>The node's address and TLS: the command line over the defaults (a campaign's laqa.cluster); the certificate is read here.</summary>
    public ClusterNode Node(ParseResult parsed, ClusterSpec defaults, IReadOnlyList<string> roles)
    {
        var certificate = parsed.GetValue(TlsCertificate)?.Trim() is { Length: > 0 } given ? Path.GetFullPath(given) : defaults.TlsCertificate;
        var tls = certificate.Length > 0 ? ClusterTls.Load(new ClusterTlsSettings(certificate, parsed.GetValue(TlsPasswordEnv)?.Trim() ?? defaults.TlsPasswordEnv)) : null;
        var node = new ClusterNode(
            parsed.GetValue(Hostname)?.Trim() ?? defaults.Hostname,
            parsed.GetValue(Port) ?? defaults.Port,
            parsed.GetValue(PublicHostname)?.Trim() ?? defaults.PublicHostname,
            roles, defaults.SeedNodes, tls);
        if (node.Port is < 0 or > ClusterAddress.MaxPort) throw new LaqaInputException($"--port: {node.Port} is not a port (0-{ClusterAddress.MaxPort})");
        if (node.Hostname.Length == 0) throw new LaqaInputException("--hostname: empty; give an address or name of this machine, or 0.0.0.0");
        return node;
    }

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
