using Akka.Actor;
using Laqa.Engine.Campaign;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Local actor that subscribes to the campaign (again every few seconds, in case the singleton
/// restarted), passes progress to the host's callback and completes when the campaign ends,
/// stops or is rejected.
/// </summary>
public sealed class CampaignReporter : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan ResubscribeInterval = TimeSpan.FromSeconds(3);

    public CampaignReporter(IActorRef campaign, Action<CampaignProgress>? progress, TaskCompletionSource<object> end)
    {
        Receive<Resubscribe>(_ => campaign.Tell(new SubscribeToCampaign(Self)));
        Receive<CampaignProgress>(p => progress?.Invoke(p));
        Receive<CampaignCompleted>(c => { end.TrySetResult(c); });
        Receive<CampaignStopped>(s => { end.TrySetResult(s); });
        Receive<CampaignRejected>(r => { end.TrySetResult(r); });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Self.Tell(Resubscribe.Instance);
        Timers.StartPeriodicTimer("subscribe", Resubscribe.Instance, ResubscribeInterval);
    }

    private sealed class Resubscribe
    {
        public static readonly Resubscribe Instance = new();
    }
}
