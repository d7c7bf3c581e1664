using Akka.Actor;
using Akka.Cluster;
using Akka.Persistence;
using Laqa.Engine.Hosting;
using Laqa.Engine.Candidates;
using Laqa.Engine.Selection;
using Laqa.Search;

namespace Laqa.Engine.Campaign;

/// <summary>
/// The cluster singleton that owns a campaign's lifecycle: it persists which campaign the folder
/// holds and its phase (generating → searching → done, with the reason the search ended), keeps
/// totals from the candidates' snapshots, starts the selector once it has caught up, stops it
/// gracefully on request, and tells subscribers about progress and the end. A worker node that joins
/// asks it for the campaign's config.
/// </summary>
public sealed class CampaignActor : ReceivePersistentActor
{
    public const string Id = "campaign";

    private readonly IActorRef _selector;
    private readonly CampaignTally _tally = new();
    private readonly HashSet<IActorRef> _subscribers = [];
    private string? _fingerprint;
    private int _candidateCount;
    private CampaignPhase _phase = CampaignPhase.Generating;
    private string? _endReason;
    private string? _rejection;
    private bool _selectorReady;
    private bool _stopping;
    private string? _stopReason;
    private bool _drained;
    private bool _ended;
    // Nodes journalled as working for the campaign and not yet as gone.
    private readonly HashSet<string> _nodes = [];
    private DateTimeOffset _campaignNodeSince = DateTimeOffset.MinValue;

    public CampaignActor(EngineSettings settings, IActorRef selector)
    {
        _selector = selector;

        Recover<CampaignStarted>(e => (_fingerprint, _candidateCount) = (e.Fingerprint, e.CandidateCount));
        Recover<CampaignPhaseChanged>(Apply);
        Recover<NodeJoined>(Apply);
        Recover<NodeLeft>(Apply);
        Recover<RecoveryCompleted>(_ =>
        {
            if (_fingerprint is null)
                Persist(new CampaignStarted(settings.Fingerprint, settings.CandidateCount, settings.DefiningSettings, settings.Search.MaxStepsPerCandidate,
                        settings.ExternalPressure),
                    e => (_fingerprint, _candidateCount) = (e.Fingerprint, e.CandidateCount));
            else if (_fingerprint != settings.Fingerprint || _candidateCount != settings.CandidateCount)
                _rejection = $"the campaign folder holds another campaign (fingerprint {_fingerprint}, {_candidateCount} candidates; " +
                             $"this one is {settings.Fingerprint}, {settings.CandidateCount} candidates)";
            if (_rejection is null) JournalThisNode(settings);
            _selector.Tell(new AnnounceToCampaign());
        });

        Command<SnapshotReport>(OnSnapshot);
        Command<SelectorReady>(_ => OnSelectorReady());
        Command<GenerationComplete>(_ =>
        {
            if (_phase == CampaignPhase.Generating) Persist(new CampaignPhaseChanged(CampaignPhase.Searching, null), e => { Apply(e); Publish(); });
        });
        Command<SearchEnded>(ended =>
        {
            if (_phase == CampaignPhase.Done && _endReason == ended.Reason) PublishEnd();
            else Persist(new CampaignPhaseChanged(CampaignPhase.Done, ended.Reason), e => { Apply(e); PublishEnd(); });
        });
        Command<StopCampaign>(_ =>
        {
            _stopping = true;
            _selector.Tell(new DrainSearch());
        });
        Command<AbortCampaign>(abort =>
        {
            if (_stopping) return;
            _stopping = true;
            _stopReason = abort.Reason;
            _selector.Tell(new DrainSearch());
        });
        Command<SearchDrained>(_ =>
        {
            if (!_stopping || _drained) return;
            _drained = true;
            Notify(new CampaignStopped(Totals, _stopReason));
        });
        Command<SubscribeToCampaign>(OnSubscribe);
        Command<JoinCampaign>(join =>
        {
            if (_rejection is not null) Sender.Tell(new JoinRefused(_rejection));
            else if (join.Build != BuildIdentity.Current)
                Sender.Tell(new JoinRefused($"this worker runs laqa {join.Build} and the campaign node laqa {BuildIdentity.Current}: every node must run the same build"));
            else Sender.Tell(new CampaignOffer(settings.ConfigText, settings.ConfigDirectory, settings.Fingerprint, settings.DefiningSettings));
        });
        Command<WorkerNodeReady>(ready =>
        {
            var node = NodeAddress.Of(Sender.Path.Address);
            if (!_nodes.Contains(node)) Persist(new NodeJoined(node, [ClusterNode.WorkerRole], ready.Workers, DateTimeOffset.UtcNow), Apply);
        });
        Command<ClusterEvent.MemberRemoved>(removed =>
        {
            var node = NodeAddress.Of(removed.Member.Address);
            if (_nodes.Contains(node))
                Persist(new NodeLeft(node, removed.PreviousStatus == MemberStatus.Down ? "downed" : "left", DateTimeOffset.UtcNow), Apply);
        });
        Command<ClusterEvent.CurrentClusterState>(_ => { });
        Command<Terminated>(t => _subscribers.Remove(t.ActorRef));
    }

    public override string PersistenceId => Id;

    public static Props Props(EngineSettings settings, IActorRef selector) =>
        Akka.Actor.Props.Create(() => new CampaignActor(settings, selector));

    private CampaignTotals Totals => _tally.Totals;

    protected override void PreStart()
    {
        base.PreStart();
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberRemoved));
    }

    protected override void PostStop()
    {
        Cluster.Get(Context.System).Unsubscribe(Self);
        base.PostStop();
    }

    private void Apply(CampaignPhaseChanged e) => (_phase, _endReason) = (e.Phase, e.Reason);

    private void Apply(NodeJoined e)
    {
        // A campaign node starting again means every node of its previous run is gone.
        if (e.Roles.Contains(ClusterNode.CampaignRole))
        {
            _nodes.Clear();
            _campaignNodeSince = e.At;
        }
        _nodes.Add(e.Address);
    }

    private void Apply(NodeLeft e) => _nodes.Remove(e.Address);

    /// <summary>The campaign node, once per actor system (the actor may restart under its supervisor).</summary>
    private void JournalThisNode(EngineSettings settings)
    {
        if (_campaignNodeSince >= DateTimeOffset.UtcNow - Context.System.Uptime) return;
        var cluster = Cluster.Get(Context.System);
        Persist(new NodeJoined(NodeAddress.Of(cluster.SelfAddress), [.. cluster.SelfRoles.Order()],
            cluster.SelfRoles.Contains(ClusterNode.WorkerRole) ? settings.Workers : 0, DateTimeOffset.UtcNow), Apply);
    }

    private void OnSnapshot(SnapshotReport report)
    {
        var s = report.Snapshot;
        var previous = _tally.Latest(s.Id);
        if (previous is not null && s.Batches < previous.Batches) return;
        _tally.Set(s);
        // A finished campaign resumed with a larger step budget searches again.
        if (_phase == CampaignPhase.Done && _selectorReady && s.Batches > (previous?.Batches ?? 0))
            Persist(new CampaignPhaseChanged(CampaignPhase.Searching, null), e =>
            {
                Apply(e);
                _ended = false;
            });
        if (_selectorReady) Publish();
    }

    private void OnSelectorReady()
    {
        _selectorReady = true;
        if (_rejection is not null) Notify(new CampaignRejected(_rejection));
        else if (_stopping) _selector.Tell(new DrainSearch());
        else
        {
            Publish();
            _selector.Tell(new StartSearch());
        }
    }

    private void OnSubscribe(SubscribeToCampaign subscribe)
    {
        if (_subscribers.Add(subscribe.Subscriber)) Context.Watch(subscribe.Subscriber);
        if (_rejection is not null) subscribe.Subscriber.Tell(new CampaignRejected(_rejection));
        else if (_ended) subscribe.Subscriber.Tell(new CampaignCompleted(_endReason ?? "", Totals));
        else if (_drained) subscribe.Subscriber.Tell(new CampaignStopped(Totals, _stopReason));
        else if (_selectorReady) subscribe.Subscriber.Tell(new CampaignProgress(_phase, Totals));
    }

    private void Publish() => Notify(new CampaignProgress(_phase, Totals));

    private void PublishEnd()
    {
        _ended = true;
        Notify(new CampaignCompleted(_endReason ?? "", Totals));
    }

    private void Notify(object message)
    {
        foreach (var subscriber in _subscribers) subscriber.Tell(message);
    }
}
