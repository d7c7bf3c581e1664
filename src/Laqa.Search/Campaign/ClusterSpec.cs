namespace Laqa.Search.Campaign;

/// <summary>
/// Where the campaign node listens for worker nodes (laqa.cluster): Hostname is the interface it binds
/// (0.0.0.0: all), Port 0 any free port, PublicHostname the name other machines reach it by (empty:
/// Hostname), SeedNodes the "host:port" addresses it joins at start (none: it forms the cluster itself).
/// TlsCertificate (full path; empty: no TLS) is a PKCS#12 file whose password is in the environment
/// variable TlsPasswordEnv.
/// </summary>
public sealed record ClusterSpec(string Hostname, int Port, string PublicHostname, EquatableList<string> SeedNodes, string TlsCertificate = "", string TlsPasswordEnv = ClusterSpec.DefaultPasswordEnv)
{
    public const string DefaultPasswordEnv = "LAQA_TLS_PASSWORD";

    public static readonly ClusterSpec Default = new("127.0.0.1", 0, "", new EquatableList<string>([]));
}
