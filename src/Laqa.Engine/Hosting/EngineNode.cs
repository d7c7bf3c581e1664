using System.Globalization;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Pattern;
using Akka.Persistence;
using Laqa.Calculators.Relaxation;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Selection;
using Laqa.Engine.Workers;

namespace Laqa.Engine.Hosting;

/// <summary>
/// The engine's actors on one cluster node: the candidate shard region, the campaign and selector
/// singletons (with proxies), and a pool of calculator workers when the node has the "calc" role.
/// </summary>
public sealed class EngineNode
{
    public const string CandidateTypeName = "candidate";

    private static readonly TimeSpan MinRestartDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(10);

    private EngineNode(ActorSystem system, IActorRef candidates, IActorRef selector, IActorRef campaign)
    {
        System = system;
        Candidates = candidates;
        Selector = selector;
        Campaign = campaign;
    }

    public ActorSystem System { get; }

    /// <summary>The shard region: send it <see cref="ICandidateCommand"/>s.</summary>
    public IActorRef Candidates { get; }

    /// <summary>Proxy to the selector singleton.</summary>
    public IActorRef Selector { get; }

    /// <summary>Proxy to the campaign singleton.</summary>
    public IActorRef Campaign { get; }

    /// <summary>Starts the engine's actors and joins the node to itself (a one-node cluster on its own address).</summary>
    public static async Task<EngineNode> StartAsync(ActorSystem system, EngineSettings settings, IStructureSource source, Func<IRelaxer> relaxerFactory)
    {
        // Start the journal and snapshot store (and their table creation) while the cluster forms.
        var persistence = Persistence.Instance.Apply(system);
        persistence.JournalFor(string.Empty);
        persistence.SnapshotStoreFor(string.Empty);

        var proxySettings = ClusterSingletonProxySettings.Create(system);
        var selector = system.ActorOf(ClusterSingletonProxy.Props($"/user/{SelectorActor.Id}", proxySettings), $"{SelectorActor.Id}-proxy");
        var campaign = system.ActorOf(ClusterSingletonProxy.Props($"/user/{CampaignActor.Id}", proxySettings), $"{CampaignActor.Id}-proxy");
        var candidates = await ClusterSharding.Get(system).StartAsync(
            CandidateTypeName,
            id => CandidateActor.Props(int.Parse(id, CultureInfo.InvariantCulture), selector, settings),
            ClusterShardingSettings.Create(system),
            new CandidateMessageExtractor());
        var singletonSettings = ClusterSingletonManagerSettings.Create(system);
        system.ActorOf(ClusterSingletonManager.Props(Restarting(SelectorActor.Props(settings, candidates, campaign), SelectorActor.Id),
            PoisonPill.Instance, singletonSettings), SelectorActor.Id);
        system.ActorOf(ClusterSingletonManager.Props(Restarting(CampaignActor.Props(settings, selector), CampaignActor.Id),
            PoisonPill.Instance, singletonSettings), CampaignActor.Id);

        var cluster = Cluster.Get(system);
        if (cluster.SelfRoles.Contains(EngineConfig.CalculatorRole))
            for (var i = 0; i < settings.Workers; i++)
                system.ActorOf(CalculatorWorker.Props(selector, candidates, source, relaxerFactory, settings.BatchTimeout), $"worker-{i}");

        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        await cluster.JoinAsync(cluster.SelfAddress);
        await up.Task;
        return new EngineNode(system, candidates, selector, campaign);
    }

    /// <summary>
    /// A persistent actor stops when a journal write or its recovery fails, and a cluster singleton
    /// that stops is not started again: under a back-off supervisor it recovers from its journal.
    /// </summary>
    private static Props Restarting(Props singleton, string name) =>
        BackoffSupervisor.Props(Backoff.OnStop(singleton, name, MinRestartDelay, MaxRestartDelay, 0.2, maxNrOfRetries: -1));
}
