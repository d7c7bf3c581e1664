using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;
using Laqa.Crystal;

namespace Laqa.Engine.Hosting;

/// <summary><c>laqa.cluster.tls</c>: the node's PKCS#12 file and the name of the environment variable that holds its password.</summary>
public sealed record ClusterTlsSettings(string Certificate, string PasswordEnv = ClusterTlsSettings.DefaultPasswordEnv)
{
    public const string DefaultPasswordEnv = "LAQA_TLS_PASSWORD";
}

/// <summary>
/// Remoting over TLS with mutual authentication. The PKCS#12 file holds the node's certificate with its
/// key and the cluster's CA certificate (<c>openssl pkcs12 -export -in node.crt -inkey node.key -certfile ca.crt</c>);
/// a peer is accepted only if its certificate chains to a CA certificate of that file, or, when the file
/// holds none, only if it presents this node's own certificate. Host names are not checked: nodes reach each other by IP.
/// </summary>
public sealed class ClusterTls
{
    /// <summary>The HOCON that turns TLS on; the certificate and the peer check come from <see cref="SslSetup"/>, which the transport ignores without it.</summary>
    public static Config EnableSsl { get; } = ConfigurationFactory.ParseString("akka.remote.dot-netty.tcp.enable-ssl = true");

    private readonly string _file;
    private readonly X509Certificate2Collection _authorities;

    private ClusterTls(string file, X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        _file = file;
        Certificate = certificate;
        _authorities = authorities;
    }

    /// <summary>This node's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Reads the PKCS#12 file with the password from the environment; every problem is a <see cref="LaqaInputException"/> naming the file or key.</summary>
    public static ClusterTls Load(ClusterTlsSettings settings)
    {
        var file = settings.Certificate;
        if (!File.Exists(file)) throw new LaqaInputException($"{file}: no such certificate file (laqa.cluster.tls.certificate)");
        var password = Environment.GetEnvironmentVariable(settings.PasswordEnv)
            ?? throw new LaqaInputException($"{file}: the environment variable {settings.PasswordEnv} (laqa.cluster.tls.password-env) that holds the certificate's password is not set");
        X509Certificate2Collection all;
        try { all = X509CertificateLoader.LoadPkcs12CollectionFromFile(file, password); }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new LaqaInputException($"{file}: cannot read the PKCS#12 certificate file with the password in {settings.PasswordEnv}: {e.Message}");
        }

        var keyed = all.Where(c => c.HasPrivateKey).ToList();
        if (keyed.Count != 1) throw new LaqaInputException($"{file}: holds {keyed.Count} certificates with a private key; it must hold exactly one, the node's");
        var expired = all.FirstOrDefault(c => c.NotAfter < DateTime.Now);
        if (expired is not null) throw new LaqaInputException($"{file}: the certificate {expired.Subject} expired on {expired.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
        return new ClusterTls(file, keyed[0], [.. all.Where(c => !c.HasPrivateKey)]);
    }

    /// <summary>The node's setup with <see cref="EnableSsl"/> over its config and with <see cref="SslSetup"/>.</summary>
    public ActorSystemSetup AddTo(ActorSystemSetup setup)
    {
        var bootstrap = setup.Get<BootstrapSetup>().GetOrElse(BootstrapSetup.Create());
        var config = bootstrap.Config.HasValue ? EnableSsl.WithFallback(bootstrap.Config.Value) : EnableSsl;
        return setup.And(bootstrap.WithConfig(config)).And(SslSetup());
    }

    /// <summary>Both sides of a connection present a certificate and check the other's (<see cref="Trusts"/>).</summary>
    public DotNettySslSetup SslSetup() =>
        new(Certificate, suppressValidation: false, requireMutualAuthentication: true, validateCertificateHostname: false, Validate);

    /// <summary>The trust decision for a peer's certificate; <paramref name="why"/> says why it was refused.</summary>
    public bool Trusts(X509Certificate2 peer, out string why)
    {
        if (_authorities.Count == 0)
        {
            // Whole bytes, not a SHA-1 thumbprint.
            var same = peer.RawDataMemory.Span.SequenceEqual(Certificate.RawDataMemory.Span);
            why = same ? "" : $"certificate {peer.Subject} is not this node's own ({_file} holds no CA certificate)";
            return same;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Nodes on an HPC network may reach nothing outside it; a missing issuer is a refusal, not a download.
        chain.ChainPolicy.DisableCertificateDownloads = true;
        var trusted = chain.Build(peer);
        why = trusted ? "" : $"certificate {peer.Subject} issued by {peer.Issuer} does not chain to a CA certificate in {_file}: " +
                             string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
        return trusted;
    }

    // The chain and policy errors that SslStream computed against the system trust store are ignored: the CA here is private.
    private bool Validate(X509Certificate2? peer, X509Chain? _, string remote, SslPolicyErrors __, ILoggingAdapter log)
    {
        var why = "no certificate presented";
        if (peer is not null && Trusts(peer, out why)) return true;
        log.Warning("TLS: refused {0}: {1}", remote, why);
        return false;
    }
}
