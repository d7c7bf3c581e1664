using Akka.Actor;
using Akka.Persistence;
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
    private bool _drained;
    private bool _ended;

    public CampaignActor(EngineSettings settings, IActorRef selector)
    {
        _selector = selector;

        Recover<CampaignStarted>(e => (_fingerprint, _candidateCount) = (e.Fingerprint, e.CandidateCount));
        Recover<CampaignPhaseChanged>(Apply);
        Recover<RecoveryCompleted>(_ =>
        {
            if (_fingerprint is null)
                Persist(new CampaignStarted(settings.Fingerprint, settings.CandidateCount, settings.DefiningSettings, settings.Search.MaxStepsPerCandidate,
                        settings.ExternalPressure),
                    e => (_fingerprint, _candidateCount) = (e.Fingerprint, e.CandidateCount));
            else if (_fingerprint != settings.Fingerprint || _candidateCount != settings.CandidateCount)
                _rejection = $"the campaign folder holds another campaign (fingerprint {_fingerprint}, {_candidateCount} candidates; " +
                             $"this one is {settings.Fingerprint}, {settings.CandidateCount} candidates)";
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
        Command<SearchDrained>(_ =>
        {
            if (!_stopping || _drained) return;
            _drained = true;
            Notify(new CampaignStopped(Totals));
        });
        Command<SubscribeToCampaign>(OnSubscribe);
        Command<JoinCampaign>(join => Sender.Tell(
            _rejection is not null ? new JoinRefused(_rejection)
            : join.Build != BuildIdentity.Current ? new JoinRefused($"this worker runs laqa {join.Build} and the campaign node laqa {BuildIdentity.Current}: every node must run the same build")
            : new CampaignOffer(settings.ConfigText, settings.ConfigDirectory, settings.Fingerprint, settings.DefiningSettings)));
        Command<Terminated>(t => _subscribers.Remove(t.ActorRef));
    }

    public override string PersistenceId => Id;

    public static Props Props(EngineSettings settings, IActorRef selector) =>
        Akka.Actor.Props.Create(() => new CampaignActor(settings, selector));

    private CampaignTotals Totals => _tally.Totals;

    private void Apply(CampaignPhaseChanged e) => (_phase, _endReason) = (e.Phase, e.Reason);

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
        else if (_drained) subscribe.Subscriber.Tell(new CampaignStopped(Totals));
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
