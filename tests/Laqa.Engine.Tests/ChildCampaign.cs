using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Laqa.Engine.CrashHost;

namespace Laqa.Engine.Tests;

/// <summary>
/// The crash host (tests/Laqa.Engine.CrashHost) running in a child process: its stdout lines as a
/// channel, the latest batch count it reported, its log (every other line, stderr too, for a failing
/// test to show), and SIGKILL.
/// </summary>
public sealed class ChildCampaign : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly ConcurrentQueue<string> _log = new();

    private ChildCampaign(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) _lines.Writer.TryComplete();
            else if (IsProtocol(e.Data)) _lines.Writer.TryWrite(e.Data);
            else _log.Enqueue(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) _log.Enqueue(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool Running { get; private set; }
    public bool Done { get; private set; }
    public long Batches { get; private set; } = -1;

    /// <summary>The lines that are not progress: Akka's log at the host's level, and stderr.</summary>
    public IEnumerable<string> Log => _log;

    public static ChildCampaign Start(CrashHostOptions options)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Laqa.Engine.CrashHost.dll");
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["LAQA_LOG_LEVEL"] = "INFO" },
        };
        start.ArgumentList.Add(host);
        foreach (var a in options.ToArgs()) start.ArgumentList.Add(a);
        return new ChildCampaign(Process.Start(start) ?? throw new InvalidOperationException("could not start the crash host"));
    }

    /// <summary>Reads output until the predicate holds, the process ends (false) or the token fires.</summary>
    public async Task<bool> WaitUntil(Func<ChildCampaign, bool> predicate, CancellationToken cancellationToken)
    {
        while (!predicate(this))
        {
            if (!await _lines.Reader.WaitToReadAsync(cancellationToken)) return false;
            if (_lines.Reader.TryRead(out var line)) Consume(line);
        }
        return true;
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await WaitUntil(_ => false, cancellationToken);
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to flush or shut down.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    private void Consume(string line)
    {
        if (line == "RUNNING") Running = true;
        else if (line == "DONE") Done = true;
        else if (line.StartsWith("PROGRESS ", StringComparison.Ordinal))
            Batches = long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static bool IsProtocol(string line) => line is "RUNNING" or "DONE" || line.StartsWith("PROGRESS ", StringComparison.Ordinal);
}
