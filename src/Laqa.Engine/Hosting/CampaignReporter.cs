using Akka.Actor;
using Laqa.Engine.Campaign;
using Laqa.Engine.Selection;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Local actor that subscribes to the campaign (again every few seconds, in case the singleton
/// restarted), passes progress with the selector's latest worker load to the host's callback and
/// completes when the campaign ends, stops or is rejected.
/// </summary>
public sealed class CampaignReporter : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan ResubscribeInterval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoadInterval = TimeSpan.FromSeconds(1);

    private WorkerLoad? _load;

    public CampaignReporter(IActorRef campaign, IActorRef selector, Action<CampaignProgress>? progress, TaskCompletionSource<object> end)
    {
        Receive<Resubscribe>(_ => campaign.Tell(new SubscribeToCampaign(Self)));
        Receive<AskLoad>(_ => selector.Tell(new GetWorkerLoad()));
        Receive<WorkerLoad>(load => _load = load);
        Receive<CampaignProgress>(p => progress?.Invoke(p with { Workers = _load }));
        Receive<CampaignCompleted>(c => { end.TrySetResult(c); });
        Receive<CampaignStopped>(s => { end.TrySetResult(s); });
        Receive<CampaignRejected>(r => { end.TrySetResult(r); });
    }

    public ITimerScheduler Timers { get; set; } = null!;

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
