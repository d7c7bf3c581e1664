using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Configuration;
using Laqa.Engine.Workers;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Runs a worker-only node: joins the campaign node, asks it for the campaign's config, builds the
/// generator and relaxer here and checks that they are the campaign's (the same fingerprint, which
/// covers a potential file's SHA-256), and only then starts its workers. The first join must succeed
/// within the join timeout, else the node gives up with a <see cref="LaqaInputException"/>; once
/// joined, a lost campaign node (stopped, killed, or cut off so that this node is downed) is waited
/// for: the node starts a new actor system and joins again until the campaign is back. Cancelling
/// stopToken leaves gracefully: the workers hand their jobs back to the selector, then the node
/// leaves the cluster. It also ends when the campaign's search has ended.
/// </summary>
public static class WorkerHost
{
    private static readonly TimeSpan AskInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HandBackTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RejoinPause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CampaignNodeEndWait = TimeSpan.FromSeconds(60);

    /// <summary>Returns why the node ended: the campaign's end reason, or null when it left on request.</summary>
    public static async Task<string?> RunAsync(WorkerNodeOptions options, Action<string> say, CancellationToken stopToken, string logLevel = "WARNING")
    {
        string? fingerprint = null;
        while (true)
        {
            // Silent until joined: a failed first join (no campaign, a refused TLS handshake) is reported here in one line.
            var system = ListenCheck.Start(EngineConfig.WorkerSetup(options.Node, fingerprint is null ? "OFF" : logLevel), options.Node);
            var campaignEnded = false;
            try
            {
                var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                system.EventStream.Subscribe(system.ActorOf(Props.Create(() => new CampaignEndListener(ended))), typeof(CampaignEnded));
                // Before joining, so that no removal of the campaign node can pass unseen.
                var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                system.ActorOf(Props.Create(() => new CampaignNodeWatcher(removed)));
                var engine = await EngineNode.StartProxyAsync(system);
                var firstJoin = fingerprint is null;
                var count = options.Workers ?? Environment.ProcessorCount;
                using var joinWait = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
                if (firstJoin) joinWait.CancelAfter(options.JoinTimeout);
                CampaignOffer? offer = null;
                try
                {
                    var joined = JoinAndAskAsync(system, engine, options.Join, joinWait.Token);
                    if (await Task.WhenAny(joined, system.WhenTerminated) == joined) offer = await joined;
                    // Akka ends a node whose outgoing TLS handshake failed (its own or the peer's refusal).
                    else if (firstJoin)
                        throw new LaqaInputException(IsTlsFailure(system)
                            ? $"--join {options.Join}: the TLS handshake failed: this node's certificate is not trusted there, or the campaign node's here (see --tls-certificate)"
                            : $"--join {options.Join}: the node stopped before it joined");
                }
                catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
                {
                    return null;
                }
                catch (OperationCanceledException)
                {
                    throw new LaqaInputException($"--join {options.Join}: no laqa campaign answered within {options.JoinTimeout.TotalSeconds:G4} s (--join-timeout; " +
                                                 "is it running, with TLS exactly when this node is, and is HOST the name it advertises?)");
                }
                if (offer is null) continue;
                var components = Components(offer, options.Join);
                if (fingerprint is not null && fingerprint != offer.Fingerprint)
                    throw new LaqaInputException($"--join {options.Join}: the node there now runs another campaign (fingerprint {offer.Fingerprint}, this worker joined {fingerprint})");
                fingerprint = offer.Fingerprint;
                system.EventStream.SetLogLevel(Logging.LogLevelFor(logLevel));
                var workers = engine.StartWorkers(count, components.Settings.WorkerOptions with { Stopping = stopToken }, components.Structures, components.RelaxerFactory);
                engine.Campaign.Tell(new WorkerNodeReady(count), workers[0]);
                say($"joined the campaign at {options.Join} as {Cluster.Get(system).SelfAddress} with {count} workers ({components.Calculator.Name})");

                var stopped = Task.Delay(Timeout.Infinite, stopToken);
                var first = await Task.WhenAny(stopped, ended.Task, removed.Task, system.WhenTerminated);
                if (first == stopped)
                {
                    await HandBackAsync(workers);
                    return null;
                }
                if (first == ended.Task)
                {
                    // Leave after the campaign node has (it writes its tables first), not under it.
                    await Task.WhenAny(removed.Task, system.WhenTerminated, stopped, Task.Delay(CampaignNodeEndWait));
                    campaignEnded = true;
                    return ended.Task.Result;
                }
                say($"lost the campaign node at {options.Join}; joining again when it is back");
                // Nobody to leave to: end this actor system at once and join with a new one.
                await system.Terminate();
            }
            finally
            {
                await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClusterLeavingReason.Instance);
                // Before any new attempt (also after one whose system ended before it joined).
                if (!campaignEnded) await Task.Delay(RejoinPause, stopToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            if (stopToken.IsCancellationRequested) return null;
        }
    }

    private static async Task<CampaignOffer> JoinAndAskAsync(ActorSystem system, EngineNode engine, string join, CancellationToken cancellationToken)
    {
        await EngineNode.JoinAsync(system, [join], cancellationToken);
        return await AskForCampaignAsync(engine, cancellationToken);
    }

    private static bool IsTlsFailure(ActorSystem system) =>
        CoordinatedShutdown.Get(system).ShutdownReason?.GetType().Name == "TlsHandshakeFailureReason";

    /// <summary>Asks the campaign singleton until it answers (it may still be starting, or moving after a restart).</summary>
    private static async Task<CampaignOffer> AskForCampaignAsync(EngineNode engine, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var answer = await engine.Campaign.Ask<object>(new JoinCampaign(BuildIdentity.Current), AskInterval, cancellationToken);
                return answer switch
                {
                    CampaignOffer offer => offer,
                    JoinRefused refused => throw new LaqaInputException($"the campaign refused this worker: {refused.Reason}"),
                    _ => throw new InvalidOperationException($"unexpected answer {answer}"),
                };
            }
            catch (AskTimeoutException)
            {
            }
        }
    }

    /// <summary>The campaign's generator and relaxer built here; refused if anything differs from the campaign's (e.g. a potential file).</summary>
    private static CampaignComponents Components(CampaignOffer offer, string join)
    {
        try
        {
            var spec = CampaignConfigLoader.Load(offer.ConfigText, offer.ConfigDirectory);
            if (spec.Fingerprint != offer.Fingerprint)
            {
                var differs = spec.DefiningSettings.Zip(offer.DefiningSettings, (here, there) => (Here: here, There: there)).FirstOrDefault(p => p.Here != p.There);
                throw new LaqaInputException(differs.Here is null
                    ? $"this machine reads the campaign differently (fingerprint {spec.Fingerprint}, the campaign's {offer.Fingerprint})"
                    : $"here {differs.Here}, on the campaign node {differs.There}");
            }
            return CampaignComponents.From(spec);
        }
        catch (LaqaInputException e)
        {
            throw new LaqaInputException($"cannot work for the campaign at {join}: {e.Message.Split('\n')[0]}");
        }
    }

    private static async Task HandBackAsync(IReadOnlyList<IActorRef> workers)
    {
        try
        {
            await Task.WhenAll(workers.Select(w => w.Ask<JobsHandedBack>(new HandBackJobs(), HandBackTimeout)));
        }
        catch (AskTimeoutException)
        {
            // The campaign node then learns of the leave from the cluster and dispatches the jobs again itself.
        }
    }

    /// <summary>Completes when the last member with the campaign role that this node saw is removed (it stopped, or was downed).</summary>
    private sealed class CampaignNodeWatcher : ReceiveActor
    {
        public CampaignNodeWatcher(TaskCompletionSource removed)
        {
            var campaignNodes = new HashSet<UniqueAddress>();
            Receive<ClusterEvent.IMemberEvent>(e =>
            {
                if (!e.Member.HasRole(ClusterNode.CampaignRole)) return;
                if (e is not ClusterEvent.MemberRemoved) campaignNodes.Add(e.Member.UniqueAddress);
                else if (campaignNodes.Remove(e.Member.UniqueAddress) && campaignNodes.Count == 0) removed.TrySetResult();
            });
            Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
        }
    }

    private sealed class CampaignEndListener : ReceiveActor
    {
        public CampaignEndListener(TaskCompletionSource<string> ended) => Receive<CampaignEnded>(e => ended.TrySetResult(e.Reason));
    }
}
