using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Akka.Actor;
using Laqa.Benchmarks.Engine;
using Laqa.Engine.Hosting;
using Laqa.Engine.Workers;

namespace Laqa.Benchmarks.Cluster;

/// <summary>
/// A worker process of the cluster benchmark (`cluster-worker --join HOST:PORT --workers N --delay-ms D --batches B`):
/// a worker node with N calculator workers on the <see cref="SleepingRelaxer"/>, started through
/// <see cref="EngineNode"/> as `laqa worker` starts its node. It prints "UP t" once the node is up, starts
/// its workers on the line "go" from standard input, and prints "START k t" as a batch of worker k starts
/// and "WOKE k t" as its sleep ends (k: the relaxers numbered as the workers make them; t:
/// <see cref="Stopwatch"/> timestamps, one clock for all processes of the machine).
/// SIGTERM leaves gracefully (the worker hands its jobs back, then the node leaves the cluster); the end
/// of standard input ends the node at once.
/// </summary>
public static class BenchmarkWorkerNode
{
    public const string Command = "cluster-worker";

    private static readonly TimeSpan HandBackTimeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(pair => pair[0], pair => pair[^1]);
        var delay = TimeSpan.FromMilliseconds(int.Parse(options["--delay-ms"], CultureInfo.InvariantCulture));
        var batches = int.Parse(options["--batches"], CultureInfo.InvariantCulture);
        var count = int.Parse(options["--workers"], CultureInfo.InvariantCulture);
        var relaxers = 0;
        var leave = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            leave.TrySetResult();
        });
        var system = ActorSystem.Create(EngineConfig.SystemName, EngineConfig.WorkerSetup(new ClusterNode("127.0.0.1", 0, "", [ClusterNode.WorkerRole], [])));
        var engine = await EngineNode.StartProxyAsync(system);
        await EngineNode.JoinAsync(system, [options["--join"]]);
        Say("UP", Stopwatch.GetTimestamp());
        var input = ReadInput(Console.In.ReadLine);
        if (await Task.WhenAny(input, leave.Task) == input && await input == "go")
        {
            var workers = engine.StartWorkers(count, ClusterCampaign.WorkerOptions, new FixedStructures(), () =>
            {
                var k = Interlocked.Increment(ref relaxers) - 1;
                return new SleepingRelaxer(delay, batches, started => Say($"START {k}", started), woke => Say($"WOKE {k}", woke));
            });
            var inputEnd = ReadInput(Console.In.ReadToEnd);
            if (await Task.WhenAny(inputEnd, leave.Task) == leave.Task)
            {
                await Task.WhenAll(workers.Select(w => w.Ask<JobsHandedBack>(new HandBackJobs(), HandBackTimeout)));
                await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClusterLeavingReason.Instance);
                return 0;
            }
        }
        await system.Terminate();
        return 0;
    }

    /// <summary>Reads standard input on a thread of its own, not one the node's actors and workers need.</summary>
    private static Task<string?> ReadInput(Func<string?> read) => Task.Factory.StartNew(read, TaskCreationOptions.LongRunning);

    private static void Say(string what, long timestamp) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what} {timestamp}"));
}
