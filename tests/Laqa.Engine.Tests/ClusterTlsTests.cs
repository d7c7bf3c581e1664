using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;
using Laqa.Crystal;
using Laqa.Engine.Hosting;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>Remote actor systems on 127.0.0.1 with certificates made by openssl: who gets a message through to whom.</summary>
public sealed class ClusterTlsTests : IAsyncLifetime
{
    private const string Password = "correct horse";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(3);

    private readonly TempFolder _dir = new();
    private readonly string _passwordEnv = $"LAQA_TLS_TEST_{Guid.NewGuid():N}";
    private readonly List<ActorSystem> _systems = [];

    public ClusterTlsTests() => Environment.SetEnvironmentVariable(_passwordEnv, Password);

    [Fact]
    public async Task NodesWithCertificatesFromTheSameCaExchangeMessagesBothWays()
    {
        TestCertificates.Authority(_dir, "ca");
        var a = Start(Tls(NodeCertificate("ca", "node-a")));
        var b = Start(Tls(NodeCertificate("ca", "node-b")));

        await AssertExchange(a, b);
        await AssertExchange(b, a);
    }

    [Fact]
    public async Task ANodeWithACertificateFromAnotherCaGetsNothingThroughToANodeOfTheCluster()
    {
        TestCertificates.Authority(_dir, "ca");
        TestCertificates.Authority(_dir, "other-ca");
        var member = Start(Tls(NodeCertificate("ca", "member")));
        var stranger = Start(TrustingAnyone(NodeCertificate("other-ca", "stranger")));

        Send(stranger, member);

        await WarningContaining(member, "CN=stranger issued by CN=other-ca does not chain to a CA certificate");
        await AssertNothingArrives(member);
        Assert.False(member.System.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task ANodeOfTheClusterSendsNothingToANodeWithACertificateFromAnotherCaAndStops()
    {
        TestCertificates.Authority(_dir, "ca");
        TestCertificates.Authority(_dir, "other-ca");
        var member = Start(Tls(NodeCertificate("ca", "member")));
        var stranger = Start(TrustingAnyone(NodeCertificate("other-ca", "stranger")));

        Send(member, stranger);

        await AssertStoppedAfterItsOutboundHandshakeFailed(member);
        await AssertNothingArrives(stranger);
    }

    [Fact]
    public async Task ANodeWithoutTlsGetsNothingThroughToATlsNode()
    {
        TestCertificates.Authority(_dir, "ca");
        var secure = Start(Tls(NodeCertificate("ca", "member")));
        var plain = Start(Plain());

        Send(plain, secure);

        await WarningContaining(secure, "due to TLS handshake failure");
        await AssertNothingArrives(secure);
        Assert.False(secure.System.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task ATlsNodeSendsNothingToANodeWithoutTlsAndStops()
    {
        TestCertificates.Authority(_dir, "ca");
        var secure = Start(Tls(NodeCertificate("ca", "member")));
        var plain = Start(Plain());

        Send(secure, plain);

        await AssertStoppedAfterItsOutboundHandshakeFailed(secure);
        await AssertNothingArrives(plain);
    }

    [Fact]
    public void WithoutACaCertificateInTheFileOnlyTheNodesOwnCertificateIsTrusted()
    {
        TestCertificates.Authority(_dir, "solo");
        TestCertificates.Authority(_dir, "other");
        var solo = ClusterTls.Load(Settings(TestCertificates.Export(_dir, "solo", Password)));
        var other = ClusterTls.Load(Settings(TestCertificates.Export(_dir, "other", Password)));

        Assert.True(solo.Trusts(X509CertificateLoader.LoadCertificateFromFile(_dir.File("solo.crt")), out _));
        Assert.False(solo.Trusts(other.Certificate, out var why));
        Assert.Equal($"certificate CN=other is not this node's own ({_dir.File("solo.p12")} holds no CA certificate)", why);
    }

    [Fact]
    public void AMissingCertificateFileIsNamed()
    {
        var file = _dir.File("absent.p12");
        Assert.Equal($"{file}: no such certificate file (laqa.cluster.tls.certificate)", LoadError(file));
    }

    [Fact]
    public void AWrongPasswordIsNamedWithItsVariable()
    {
        TestCertificates.Authority(_dir, "ca");
        var file = NodeCertificate("ca", "member");
        Environment.SetEnvironmentVariable(_passwordEnv, "wrong");

        var message = LoadError(file);

        Assert.StartsWith($"{file}: cannot read the PKCS#12 certificate file with the password in {_passwordEnv}: ", message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void AnUnsetPasswordVariableIsNamed()
    {
        TestCertificates.Authority(_dir, "ca");
        var file = NodeCertificate("ca", "member");
        Environment.SetEnvironmentVariable(_passwordEnv, null);
        Assert.Equal($"{file}: the environment variable {_passwordEnv} (laqa.cluster.tls.password-env) that holds the certificate's password is not set", LoadError(file));
    }

    [Fact]
    public void AFileWithoutThePrivateKeyIsRefused()
    {
        TestCertificates.Authority(_dir, "ca");
        NodeCertificate("ca", "member");
        var file = TestCertificates.Export(_dir, "member", Password, "ca", withKey: false);
        Assert.Equal($"{file}: holds 0 certificates with a private key; it must hold exactly one, the node's", LoadError(file));
    }

    [Fact]
    public void AnExpiredCertificateIsRefused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=old-node", key, HashAlgorithmName.SHA256);
        using var old = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var file = _dir.File("old.p12");
        File.WriteAllBytes(file, old.Export(X509ContentType.Pkcs12, Password));
        Assert.Equal($"{file}: the certificate CN=old-node expired on 2021-01-01 00:00 UTC", LoadError(file));
    }

    private string NodeCertificate(string authority, string name) => TestCertificates.Node(_dir, authority, name, Password);

    private ClusterTlsSettings Settings(string file) => new(file, _passwordEnv);

    private static ActorSystemSetup Plain() => ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        """)));

    private ActorSystemSetup Tls(string file) => ClusterTls.Load(Settings(file)).AddTo(Plain());

    /// <summary>A certificate presented as ours would be, with no check of the peer's: only the other side's check stands.</summary>
    private ActorSystemSetup TrustingAnyone(string file)
    {
        var tls = ClusterTls.Load(Settings(file));
        return tls.AddTo(Plain()).And(new DotNettySslSetup(tls.Certificate, suppressValidation: true, requireMutualAuthentication: true));
    }

    private string LoadError(string file) => Assert.Throws<LaqaInputException>(() => ClusterTls.Load(Settings(file))).Message;

    /// <summary>An actor system with remoting on a free port of 127.0.0.1, an actor that records what reaches it, and the warnings it logs.</summary>
    private Node Start(ActorSystemSetup setup)
    {
        var system = ActorSystem.Create(EngineConfig.SystemName, setup);
        _systems.Add(system);

        var inbox = Channel.CreateUnbounded<object>();
        system.ActorOf(Props.Create(() => new Recorder(inbox.Writer)), "inbox");
        var warnings = Channel.CreateUnbounded<object>();
        system.EventStream.Subscribe(system.ActorOf(Props.Create(() => new Recorder(warnings.Writer))), typeof(Warning));
        return new Node(system, ((ExtendedActorSystem)system).Provider.DefaultAddress, inbox.Reader, warnings.Reader);
    }

    /// <summary>The sender identifies the receiver's inbox (asking again, as an association may fail on a busy machine), then a message reaches it.</summary>
    private static async Task AssertExchange(Node sender, Node receiver)
    {
        var deadline = DateTime.UtcNow + Patience;
        IActorRef? inbox = null;
        while (inbox is null && DateTime.UtcNow < deadline)
        {
            try { inbox = (await sender.System.ActorSelection(InboxPath(sender, receiver)).Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(5))).Subject; }
            catch (AskTimeoutException) { }
        }
        Assert.NotNull(inbox);
        Assert.Equal(receiver.Address, inbox.Path.Address);

        inbox.Tell($"from {sender.Address}");
        using var timeout = new CancellationTokenSource(Patience);
        Assert.Equal($"from {sender.Address}", await receiver.Inbox.ReadAsync(timeout.Token));
    }

    private static void Send(Node sender, Node receiver) => sender.System.ActorSelection(InboxPath(sender, receiver)).Tell($"from {sender.Address}");

    /// <summary>The receiver's inbox as the sender addresses it: in the sender's own scheme (akka.tcp or akka.ssl.tcp), the only one its transport speaks.</summary>
    private static string InboxPath(Node sender, Node receiver) =>
        $"{new Address(sender.Address.Protocol, receiver.Address.System, receiver.Address.Host, receiver.Address.Port)}/user/inbox";

    private static async Task WarningContaining(Node node, string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!(await node.Warnings.ReadAsync(timeout.Token)).ToString()!.Contains(text)) { }
    }

    private static async Task AssertNothingArrives(Node node)
    {
        await Task.Delay(Silence);
        Assert.False(node.Inbox.TryRead(out var message), $"{node.Address} received {message}");
    }

    /// <summary>Akka 1.5.73 runs CoordinatedShutdown (exit code 79) on the node whose outbound TLS handshake failed, whichever side refused.</summary>
    private static async Task AssertStoppedAfterItsOutboundHandshakeFailed(Node node)
    {
        await node.System.WhenTerminated.WaitAsync(Patience);
        Assert.Equal(79, CoordinatedShutdown.Get(node.System).ShutdownReason?.ExitCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_systems.Select(s => s.Terminate()));
        Environment.SetEnvironmentVariable(_passwordEnv, null);
        _dir.Dispose();
    }

    private sealed record Node(ActorSystem System, Address Address, ChannelReader<object> Inbox, ChannelReader<object> Warnings);

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(ChannelWriter<object> into) => ReceiveAny(m => into.TryWrite(m));
    }
}
