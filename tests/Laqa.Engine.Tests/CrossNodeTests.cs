using Akka.Actor;
using Akka.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Engine.Serialization;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>
/// Two actor systems in this process, remoting over 127.0.0.1 as a campaign node and a worker node do, with
/// the engine's serializer binding and engine.conf's remoting (its frame size: the largest samples exceed Akka's default): every engine message crosses to an actor on
/// the other node and back, and arrives as it left.
/// </summary>
public sealed class CrossNodeTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly ActorSystem _workerNode;

    public CrossNodeTests() : base(Node(), EngineConfig.SystemName) => _workerNode = ActorSystem.Create(EngineConfig.SystemName, Node());

    private static Config Node() => ConfigurationFactory.ParseString("""
            akka.actor.provider = remote
            akka.actor.serialize-messages = on
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.loglevel = WARNING
            """).WithFallback(EngineConfig.Defaults).WithFallback(EngineConfig.Serialization);

    [Fact]
    public async Task EveryEngineMessageCrossesToAnotherNodeAndBackWithEveryNumberAndActorReferenceIntact()
    {
        var probe = CreateTestProbe();
        _workerNode.ActorOf(Props.Create(() => new Echo()), "echo");
        var address = ((ExtendedActorSystem)_workerNode).Provider.DefaultAddress;
        var echo = await Sys.ActorSelection(new RootActorPath(address) / "user" / "echo").ResolveOne(Generous);
        var messages = EngineMessages.All(probe.Ref);
        Assert.Equal(EngineMessages.Types.OrderBy(t => t.Name), messages.Select(m => m.GetType()).Distinct().OrderBy(t => t.Name));
        Assert.All(messages, m => Assert.IsType<LaqaJsonSerializer>(Sys.Serialization.FindSerializerFor(m)));

        foreach (var message in messages)
        {
            var name = message.GetType().Name;
            var hint = $"{name} of {Sys.Serialization.FindSerializerFor(message).ToBinary(message).Length:N0} bytes from the other node";
            echo.Tell(message, probe.Ref);
            // The other node tells every actor the message names, then sends it back: each reference resolved there.
            foreach (var _ in MessageGraph.ActorRefs(message))
                Assert.Equal($"resolved in {name}", probe.ExpectMsg<string>(Generous, hint));
            var back = probe.ExpectMsg<object>(Generous, hint);
            Assert.NotSame(message, back);
            MessageGraph.AssertSame(message, back);
        }
    }

    protected override void AfterAll()
    {
        _workerNode.Terminate().Wait(Generous);
        base.AfterAll();
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message =>
        {
            foreach (var actor in MessageGraph.ActorRefs(message)) actor.Tell($"resolved in {message.GetType().Name}");
            Sender.Tell(message);
        });
    }
}
