using Akka.Configuration;
using Laqa.Engine.Hosting;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>The layers of a node's Akka config: engine.conf, the command's log level, the user's akka { } block, the node's address.</summary>
public sealed class EngineConfigTests
{
    private static readonly ClusterNode Node = ClusterNode.CampaignAndWorkers;

    [Fact]
    public void AnAkkaBlockInTheConfigOverridesTheCommandLogLevelAndEngineConfButNotTheNodeAddress()
    {
        var user = ConfigurationFactory.ParseString("""
            akka.loglevel = DEBUG
            akka.actor.default-dispatcher.fork-join-executor.parallelism-max = 7
            akka.remote.dot-netty.tcp.port = 1
            """);
        var config = EngineConfig.Create(Node, null, "ERROR", user);

        Assert.Equal("DEBUG", config.GetString("akka.loglevel"));
        Assert.Equal("ERROR", config.GetString("akka.stdout-loglevel"));
        Assert.Equal(7, config.GetInt("akka.actor.default-dispatcher.fork-join-executor.parallelism-max"));
        Assert.Equal(Node.Port, config.GetInt("akka.remote.dot-netty.tcp.port"));
    }

    [Fact]
    public void WithoutAnAkkaBlockTheCommandLogLevelHoldsOverEngineConf()
    {
        var config = EngineConfig.Create(Node, null, "ERROR");

        Assert.Equal("ERROR", config.GetString("akka.loglevel"));
        Assert.Equal(EngineConfig.Defaults.GetString("akka.remote.dot-netty.tcp.maximum-frame-size"), config.GetString("akka.remote.dot-netty.tcp.maximum-frame-size"));
    }
}
