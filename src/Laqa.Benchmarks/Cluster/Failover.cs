using System.Diagnostics;

namespace Laqa.Benchmarks.Cluster;

/// <summary>
/// Worker processes joining and leaving a running campaign whose batches take Delay, beside one busy
/// worker process that never leaves. A worker process joins: from its launch to its node being up, and
/// from up to the start of its first batch and to that batch applied (the first batch reported applied
/// on the campaign node after the batch's end). It is then killed with SIGKILL half-way through its next
/// batch: from the kill to the campaign node marking it unreachable (failure detector), to its removal
/// from the cluster (the split-brain resolver downs it after stable-after, then the leader removes it)
/// and to the selector dispatching its jobs again (its log line). Another worker process joins and is
/// sent SIGTERM half-way through its first batch: from the signal to the selector dispatching its jobs
/// again, and whether the selector heard of the leave from the worker (WorkerLeaving, "left") or from
/// death watch ("stopped").
/// </summary>
public sealed record Failover(
    TimeSpan LaunchToUp, TimeSpan UpToFirstStart, TimeSpan UpToFirstApplied,
    TimeSpan KillToUnreachable, TimeSpan KillToRemoved, TimeSpan KillToRedispatch, TimeSpan TermToRedispatch, bool LeaveHeard)
{
    private const int Candidates = 16;
    private const int Prefetch = 1;
    private const string Redispatch = "; dispatching its";
    private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(120);

    public TimeSpan LaunchToFirstApplied => LaunchToUp + UpToFirstApplied;

    public static async Task<Failover> MeasureAsync(string campaignDir, TimeSpan delay)
    {
        await using var campaign = CampaignNode.Start(campaignDir, ClusterCampaign.Settings(Candidates, Prefetch));
        using var busy = WorkerProcess.Start(campaign.Address, 1, delay, int.MaxValue);
        await busy.Up;
        busy.Go();
        await busy.BatchStartAfterAsync(0);

        using var joining = WorkerProcess.Start(campaign.Address, 1, delay, int.MaxValue);
        var up = await joining.Up;
        joining.Go();
        var firstStart = await joining.BatchStartAfterAsync(0);
        var firstApplied = await campaign.BatchAppliedAfterAsync(firstStart + (long)(delay.TotalSeconds * Stopwatch.Frequency));

        await joining.BatchStartAfterAsync(firstStart);
        await Task.Delay(delay / 2);
        var killed = joining.Kill();
        var unreachable = await CampaignLog.FirstAfterAsync(killed, "Marking node(s) as UNREACHABLE", LogWait);
        var removed = await CampaignLog.FirstAfterAsync(killed, "Member removed [", LogWait);
        var killRedispatched = await CampaignLog.FirstAfterAsync(killed, Redispatch, LogWait);

        using var leaving = WorkerProcess.Start(campaign.Address, 1, delay, int.MaxValue);
        await leaving.Up;
        leaving.Go();
        await leaving.BatchStartAfterAsync(0);
        await Task.Delay(delay / 2);
        var terminated = leaving.Terminate();
        var termRedispatched = await CampaignLog.FirstAfterAsync(terminated, Redispatch, LogWait);

        return new Failover(Since(joining.LaunchedAt, up), Since(up, firstStart), Since(up, firstApplied),
            Since(killed, unreachable.At), Since(killed, removed.At), Since(killed, killRedispatched.At), Since(terminated, termRedispatched.At),
            termRedispatched.Text.Contains(" left;", StringComparison.Ordinal));
    }

    private static TimeSpan Since(long from, long to) => Stopwatch.GetElapsedTime(from, to);
}
