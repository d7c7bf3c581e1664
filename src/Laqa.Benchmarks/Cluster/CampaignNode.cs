using System.Diagnostics;
using Akka.Actor;
using Laqa.Benchmarks.Engine;
using Laqa.Engine;
using Laqa.Engine.Campaign;
using Laqa.Engine.Hosting;

namespace Laqa.Benchmarks.Cluster;

/// <summary>
/// The campaign node of the cluster benchmark, in this process: <see cref="CampaignHost.RunAsync"/> on
/// loopback with the campaign role only (no calculator here), logging at INFO to <see cref="CampaignLog"/>.
/// Records the <see cref="Stopwatch"/> timestamp of every progress report that shows more batches applied,
/// and follows them with a <see cref="BatchProgressSampler"/> (this process's processor time is the campaign
/// node's). Disposing it abandons the campaign if it still runs.
/// </summary>
public sealed class CampaignNode : IAsyncDisposable
{
    private static readonly TimeSpan ProgressWait = TimeSpan.FromSeconds(120);

    private readonly CancellationTokenSource _abandon = new();
    private readonly List<(long At, long Batches)> _progress = [];

    private CampaignNode(string campaignDir, EngineSettings settings)
    {
        Address? address = null;
        Result = CampaignHost.RunAsync(settings, campaignDir, new FixedStructures(),
            () => throw new InvalidOperationException("the campaign node runs no calculator"), OnProgress, logLevel: "INFO",
            abandonToken: _abandon.Token, node: new ClusterNode("127.0.0.1", 0, "", [ClusterNode.CampaignRole], []), listening: (a, _) => address = a);
        // RunAsync names the address before it first waits.
        Address = address ?? throw new InvalidOperationException("the campaign node did not say where it listens");
    }

    public Address Address { get; }

    public Task<CampaignResult> Result { get; }

    /// <summary>The processor time the applied batches took, from the first to the last.</summary>
    public BatchProgressSampler Sampler { get; } = new();

    public static CampaignNode Start(string campaignDir, EngineSettings settings) => new(campaignDir, settings);

    /// <summary>When the campaign first reported at least batches applied.</summary>
    public long AppliedAt(long batches)
    {
        lock (_progress) return _progress.First(p => p.Batches >= batches).At;
    }

    /// <summary>The first report of a batch applied after the timestamp after, once there is one.</summary>
    public async Task<long> BatchAppliedAfterAsync(long after)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            lock (_progress)
                if (_progress.FirstOrDefault(p => p.At > after) is { At: > 0 } applied) return applied.At;
            if (waited.Elapsed > ProgressWait) throw new TimeoutException($"no batch was applied within {ProgressWait.TotalSeconds:F0} s");
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _abandon.CancelAsync();
        await Result;
        _abandon.Dispose();
    }

    private void OnProgress(CampaignProgress progress)
    {
        var now = Stopwatch.GetTimestamp();
        Sampler.Observe(progress.Totals.Batches);
        lock (_progress)
            if (progress.Totals.Batches > (_progress.Count == 0 ? 0 : _progress[^1].Batches)) _progress.Add((now, progress.Totals.Batches));
    }
}
