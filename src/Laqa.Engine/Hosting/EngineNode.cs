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
/// The engine's actors on one cluster node. A node with the campaign role hosts the candidate shard
/// region and the campaign and selector singletons (sharding and singletons are placed on that role
/// by engine.conf); any other node reaches them through a shard region proxy and singleton proxies,
/// and never touches the journal. A node with the worker role runs a pool of calculator workers.
/// </summary>
public sealed class EngineNode
{
    public const string CandidateTypeName = "candidate";

    private static readonly TimeSpan MinRestartDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(10);

    /// <summary>A campaign node joining the node a lease named, which died meanwhile, tries the one it names now after this.</summary>
    private static readonly TimeSpan RejoinAfter = TimeSpan.FromSeconds(10);

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

    /// <summary>
    /// Starts a campaign node's actors (and its workers when it has the worker role) and joins the
    /// node to itself (a cluster on its own address), or to its seed nodes. Its workers give back a batch that fails once
    /// workersStopping is cancelled (see <see cref="WorkerOptions.Stopping"/>).
    /// </summary>
    public static async Task<EngineNode> StartAsync(ActorSystem system, EngineSettings settings, IStructureSource source, Func<IRelaxer> relaxerFactory,
        IReadOnlyList<string>? seedNodes = null, Func<string?>? currentSeed = null, CancellationToken workersStopping = default)
    {
        // Start the journal and snapshot store (and their table creation) while the cluster forms.
        var persistence = Persistence.Instance.Apply(system);
        persistence.JournalFor(string.Empty);
        persistence.SnapshotStoreFor(string.Empty);

        var (selector, campaign) = SingletonProxies(system);
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

        var node = new EngineNode(system, candidates, selector, campaign);
        if (Cluster.Get(system).SelfRoles.Contains(ClusterNode.WorkerRole)) node.StartWorkers(settings.Workers, settings.WorkerOptions with { Stopping = workersStopping }, source, relaxerFactory);
        await JoinAsync(system, seedNodes ?? [], currentSeed: currentSeed);
        return node;
    }

    /// <summary>A node without the campaign role: proxies to the shard region and the singletons on the campaign node.</summary>
    public static async Task<EngineNode> StartProxyAsync(ActorSystem system)
    {
        var (selector, campaign) = SingletonProxies(system);
        var candidates = await ClusterSharding.Get(system).StartProxyAsync(CandidateTypeName, ClusterNode.CampaignRole, new CandidateMessageExtractor());
        return new EngineNode(system, candidates, selector, campaign);
    }

    /// <summary>
    /// Joins the seed nodes ("host:port"), or the node itself when there are none, and waits until this node is Up.
    /// While it is not, currentSeed (when given) names another node to try every <see cref="RejoinAfter"/>, or null when there is
    /// none any more (<see cref="CampaignNodesGoneException"/>).
    /// </summary>
    public static async Task JoinAsync(ActorSystem system, IReadOnlyList<string> seedNodes, CancellationToken cancellationToken = default,
        Func<string?>? currentSeed = null)
    {
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // WeaklyUp counts: a node joining while another is unreachable (a worker that died) is not made Up before that one is downed.
        system.ActorOf(Props.Create(() => new SelfUpListener(up)));
        if (seedNodes.Count == 0) cluster.Join(cluster.SelfAddress);
        else cluster.JoinSeedNodes(seedNodes.Select(s => ClusterAddress.Parse(s, cluster.SelfAddress.Protocol == "akka.ssl.tcp")));
        while (currentSeed is not null && await Task.WhenAny(up.Task, Task.Delay(RejoinAfter, cancellationToken)) != up.Task)
        {
            // Nothing left to join: the cluster's last node released the lease (the campaign ended or stopped) or another run took it.
            var seed = currentSeed() ?? throw new CampaignNodesGoneException();
            cluster.JoinSeedNodes([ClusterAddress.Parse(seed, cluster.SelfAddress.Protocol == "akka.ssl.tcp")]);
        }
        await up.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Count calculator workers on this node, named worker-0, worker-1, …. Each blocks a thread-pool thread
    /// for its whole batch, so the pool's minimum is raised by count: without that, more workers than cores
    /// starve the pool, which then grows by about a thread a second while the actors' messages wait. (At least
    /// the cores plus count: a worker node that rejoins starts its workers again without raising it further.)
    /// </summary>
    public IReadOnlyList<IActorRef> StartWorkers(int count, WorkerOptions options, IStructureSource source, Func<IRelaxer> relaxerFactory)
    {
        ThreadPool.GetMinThreads(out var workerThreads, out var ioThreads);
        ThreadPool.SetMinThreads(Math.Max(workerThreads, Environment.ProcessorCount + count), ioThreads);
        return [.. Enumerable.Range(0, count).Select(i => System.ActorOf(CalculatorWorker.Props(Selector, Candidates, source, relaxerFactory, options), $"worker-{i}"))];
    }

    private static (IActorRef Selector, IActorRef Campaign) SingletonProxies(ActorSystem system)
    {
        var proxySettings = ClusterSingletonProxySettings.Create(system);
        return (system.ActorOf(ClusterSingletonProxy.Props($"/user/{SelectorActor.Id}", proxySettings), $"{SelectorActor.Id}-proxy"),
            system.ActorOf(ClusterSingletonProxy.Props($"/user/{CampaignActor.Id}", proxySettings), $"{CampaignActor.Id}-proxy"));
    }

    private sealed class SelfUpListener : ReceiveActor
    {
        public SelfUpListener(TaskCompletionSource up)
        {
            var cluster = Cluster.Get(Context.System);
            Receive<ClusterEvent.IMemberEvent>(e =>
            {
                if (!e.Member.Address.Equals(cluster.SelfAddress) || e.Member.Status is not (MemberStatus.Up or MemberStatus.WeaklyUp)) return;
                up.TrySetResult();
                Context.Stop(Self);
            });
            Receive<ClusterEvent.CurrentClusterState>(_ => { });
            cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
        }

        protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);
    }

    /// <summary>
    /// A persistent actor stops when a journal write or its recovery fails, and a cluster singleton
    /// that stops is not started again: under a back-off supervisor it recovers from its journal.
    /// </summary>
    private static Props Restarting(Props singleton, string name) =>
        BackoffSupervisor.Props(Backoff.OnStop(singleton, name, MinRestartDelay, MaxRestartDelay, 0.2, maxNrOfRetries: -1));
}
