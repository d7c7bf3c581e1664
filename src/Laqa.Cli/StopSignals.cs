using System.Runtime.InteropServices;

namespace Laqa.Cli;

/// <summary>
/// SIGINT (Ctrl+C), SIGTERM and SIGHUP while `laqa run` runs: the first asks for a graceful stop
/// (<see cref="Stop"/>), the second abandons the batches in flight (<see cref="Abandon"/>) and ends
/// the process if it has not ended a few seconds later, a third ends it at once. The exit code is
/// 128 + the first signal's number, as a shell reports a process ended by that signal.
/// </summary>
public sealed class StopSignals : IDisposable
{
    // After the second signal the host shuts the actor system down; this bounds it should it hang.
    private static readonly TimeSpan ExitAfterAbandon = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Action<string> _onStop;
    private readonly Action _onAbandon;
    // .NET runs each signal's handler on its own thread: two quick signals must not interleave.
    private readonly Lock _lock = new();
    private int _received;
    private int _exitCode;

    /// <param name="onStop">called with the signal's name at the first signal</param>
    /// <param name="onAbandon">called at the second</param>
    public StopSignals(Action<string> onStop, Action onAbandon)
    {
        _onStop = onStop;
        _onAbandon = onAbandon;
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];
    }

    public CancellationToken Stop => _stop.Token;

    public CancellationToken Abandon => _abandon.Token;

    /// <summary>128 + the first signal's number; null while no signal came.</summary>
    public int? ExitCode
    {
        get
        {
            lock (_lock) return _received > 0 ? _exitCode : null;
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the runtime from ending the process: the host stops it and leaves a resumable folder.
        context.Cancel = true;
        lock (_lock) Handle(context.Signal);
    }

    private void Handle(PosixSignal signal)
    {
        switch (++_received)
        {
            case 1:
                _exitCode = 128 + Number(signal);
                _onStop(signal.ToString());
                _stop.Cancel();
                break;
            case 2:
                _onAbandon();
                _abandon.Cancel();
                _ = Task.Delay(ExitAfterAbandon).ContinueWith(_ => Environment.Exit(_exitCode), TaskScheduler.Default);
                break;
            default:
                Environment.Exit(_exitCode);
                break;
        }
    }

    private static int Number(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGTERM => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "not a stop signal"),
    };

    /// <summary>Signals take their default action again (the token sources stay: a handler already running may still cancel them).</summary>
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
