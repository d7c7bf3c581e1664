using Akka.Actor;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Selection;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Local actor that subscribes to the campaign (again every few seconds, in case the singleton
/// restarted), passes progress with the selector's latest worker load and the best candidate's
/// structure to the host's callback and completes when the campaign ends, stops or is rejected.
/// The best structure is fetched from its candidate when the best energy changes, at most once a second.
/// </summary>
public sealed class CampaignReporter : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan ResubscribeInterval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoadInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan BestInterval = TimeSpan.FromSeconds(1);

    private readonly IActorRef _candidates;
    private WorkerLoad? _load;
    private BestStructure? _best;
    private (int Id, double EnthalpyPerAtom)? _bestWanted;
    private bool _fetching;
    private long? _fetchedAtMs;

    public CampaignReporter(IActorRef campaign, IActorRef selector, IActorRef candidates, Action<CampaignProgress>? progress, TaskCompletionSource<object> end)
    {
        _candidates = candidates;
        Receive<Resubscribe>(_ => campaign.Tell(new SubscribeToCampaign(Self)));
        Receive<AskLoad>(_ =>
        {
            selector.Tell(new GetWorkerLoad());
            FetchBestIfStale();
        });
        Receive<WorkerLoad>(load => _load = load);
        Receive<CandidateResult>(r =>
        {
            _fetching = false;
            if (r.Current is { } structure) _best = new BestStructure(r.Id, r.EnthalpyPerAtom, structure);
        });
        Receive<Status.Failure>(_ => _fetching = false);
        Receive<CampaignProgress>(p =>
        {
            if (p.Totals is { BestCandidate: { } id, BestEnthalpyPerAtom: { } h }) _bestWanted = (id, h);
            FetchBestIfStale();
            progress?.Invoke(p with { Workers = _load, Best = _best });
        });
        Receive<CampaignCompleted>(c => { end.TrySetResult(c); });
        Receive<CampaignStopped>(s => { end.TrySetResult(s); });
        Receive<CampaignRejected>(r => { end.TrySetResult(r); });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private void FetchBestIfStale()
    {
        if (_fetching || _bestWanted is not { } wanted || (_best?.Id == wanted.Id && _best.EnthalpyPerAtom == wanted.EnthalpyPerAtom)) return;
        if (Environment.TickCount64 - _fetchedAtMs < BestInterval.TotalMilliseconds) return;
        _fetching = true;
        _fetchedAtMs = Environment.TickCount64;
        _candidates.Ask<CandidateResult>(new GetCandidateResult(wanted.Id), TimeSpan.FromSeconds(30)).PipeTo(Self);
    }

    protected override void PreStart()
    {
        Self.Tell(Resubscribe.Instance);
        Timers.StartPeriodicTimer("subscribe", Resubscribe.Instance, ResubscribeInterval);
        Timers.StartPeriodicTimer("load", AskLoad.Instance, LoadInterval);
    }

    private sealed class Resubscribe
    {
        public static readonly Resubscribe Instance = new();
    }

    private sealed class AskLoad
    {
        public static readonly AskLoad Instance = new();
    }
}
