using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Akka.Actor;

namespace Laqa.Benchmarks.Cluster;

/// <summary>
/// A <see cref="BenchmarkWorkerNode"/> running as a child process of this benchmark's executable: when it
/// was launched, when its node came up, and when each batch of each of its workers started and woke from its
/// sleep, all as <see cref="Stopwatch"/> timestamps. Disposing it closes its standard input (the node ends) and
/// kills it if it has not exited within a few seconds.
/// </summary>
public sealed partial class WorkerProcess : IDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly List<(string What, int Worker, long At)> _batches = [];
    private readonly TaskCompletionSource<long> _up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Address campaign, int workers, TimeSpan delay, int batchesToConverge)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path to start a worker process from");
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        foreach (var arg in new[]
                 {
                     BenchmarkWorkerNode.Command, "--join", $"{campaign.Host}:{campaign.Port}", "--workers", Inv(workers),
                     "--delay-ms", Inv((long)delay.TotalMilliseconds), "--batches", Inv(batchesToConverge),
                 })
            start.ArgumentList.Add(arg);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Read(line.Data);
        _process.Exited += (_, _) => _up.TrySetException(new InvalidOperationException($"worker process {_process.Id} exited with code {_process.ExitCode}"));
        _process.EnableRaisingEvents = true;
        LaunchedAt = Stopwatch.GetTimestamp();
        _process.Start();
        _process.BeginOutputReadLine();
    }

    /// <summary>When the benchmark launched the process.</summary>
    public long LaunchedAt { get; }

    /// <summary>When the node was up (or weakly up) in the cluster, by its own account.</summary>
    public Task<long> Up => _up.Task.WaitAsync(StartWait);

    /// <summary>
    /// Starts a worker process joining the campaign node at campaign; its workers wait for <see cref="Go"/>.
    /// </summary>
    public static WorkerProcess Start(Address campaign, int workers, TimeSpan delay, int batchesToConverge) =>
        new(campaign, workers, delay, batchesToConverge);

    /// <summary>The processor time the process has used so far.</summary>
    public TimeSpan ProcessorTime => _process.TotalProcessorTime;

    /// <summary>Starts the node's calculator workers.</summary>
    public void Go() => _process.StandardInput.WriteLine("go");

    /// <summary>When each batch started, in order, whichever worker ran it.</summary>
    public IReadOnlyList<long> BatchStarts
    {
        get
        {
            lock (_batches) return [.. _batches.Where(b => b.What == "START").Select(b => b.At)];
        }
    }

    /// <summary>Each worker's batches: when each started and when its sleep ended, in order.</summary>
    public IReadOnlyList<(IReadOnlyList<long> Starts, IReadOnlyList<long> WakeUps)> Workers
    {
        get
        {
            lock (_batches)
                return
                [
                    .. _batches.GroupBy(b => b.Worker).Select(w => ((IReadOnlyList<long>)[.. w.Where(b => b.What == "START").Select(b => b.At)],
                        (IReadOnlyList<long>)[.. w.Where(b => b.What == "WOKE").Select(b => b.At)])),
                ];
        }
    }

    /// <summary>The start of the first batch after the timestamp after, once it has started.</summary>
    public async Task<long> BatchStartAfterAsync(long after)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (BatchStarts.FirstOrDefault(t => t > after) is var start and > 0) return start;
            if (waited.Elapsed > StartWait) throw new TimeoutException($"worker process {_process.Id} started no batch within {StartWait.TotalSeconds:F0} s");
            await Task.Delay(5);
        }
    }

    /// <summary>SIGKILL; returns when it was sent.</summary>
    public long Kill()
    {
        var at = Stopwatch.GetTimestamp();
        _process.Kill();
        return at;
    }

    /// <summary>SIGTERM (a graceful leave); returns when it was sent.</summary>
    public long Terminate()
    {
        var at = Stopwatch.GetTimestamp();
        if (SendSignal(_process.Id, SigTerm) != 0) throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        return at;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(ExitWait)) _process.Kill();
        }
        _process.WaitForExit();
        _process.Dispose();
    }

    private void Read(string? line)
    {
        var fields = line?.Split(' ');
        if (fields is ["UP", var up] && long.TryParse(up, CultureInfo.InvariantCulture, out var upAt)) _up.TrySetResult(upAt);
        else if (fields is ["START" or "WOKE", var worker, var time] && int.TryParse(worker, CultureInfo.InvariantCulture, out var k) &&
                 long.TryParse(time, CultureInfo.InvariantCulture, out var at))
            lock (_batches) _batches.Add((fields[0], k, at));
    }

    private static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
