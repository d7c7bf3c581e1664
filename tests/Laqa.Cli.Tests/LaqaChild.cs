using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>
/// The built `laqa` running as a child process that a test can watch line by line and stop with a
/// real signal, or (<see cref="StartInTerminal"/>) in a pseudo-terminal where the test types ^C.
/// </summary>
internal sealed class LaqaChild : IDisposable
{
    /// <summary>The batches of a live progress line ("Searching … batches N …"), -1 for any other line.</summary>
    public static long BatchesIn(string line) =>
        Regex.Match(line, @"Searching .* batches +(\d+)") is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _output = new();
    private int _ended;

    private LaqaChild(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start laqa");
        _process.OutputDataReceived += (_, e) => Take(e.Data);
        _process.ErrorDataReceived += (_, e) => Take(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything printed so far (stdout and stderr), one line each.</summary>
    public string Output => string.Join('\n', _output);

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// `laqa ARGS` in folder. UnixSignal.SIGINT, UnixSignal.SIGTERM and UnixSignal.SIGHUP are set to their default action first: a test
    /// host started in the background by a non-interactive shell ignores UnixSignal.SIGINT, and its children would too.
    /// </summary>
    public static LaqaChild Start(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("env") { WorkingDirectory = folder };
        foreach (var a in (string[])["--default-signal=INT,TERM,HUP", LaqaProcess.Dotnet, LaqaProcess.LaqaDll, .. arguments]) start.ArgumentList.Add(a);
        return new LaqaChild(start);
    }

    /// <summary>`laqa ARGS` in a pseudo-terminal (script(1)) whose keyboard is <see cref="Type"/>.</summary>
    public static LaqaChild StartInTerminal(string folder, params string[] arguments)
    {
        var command = string.Join(' ', ((string[])["env", "--default-signal=INT,TERM,HUP", LaqaProcess.Dotnet, LaqaProcess.LaqaDll, .. arguments]).Select(Quote));
        var start = new ProcessStartInfo("script") { WorkingDirectory = folder };
        foreach (var a in (string[])["--quiet", "--return", "--flush", "--command", command, "/dev/null"]) start.ArgumentList.Add(a);
        return new LaqaChild(start);
    }

    /// <summary>Keys typed into the terminal (or written to stdin).</summary>
    public void Type(string keys)
    {
        _process.StandardInput.Write(keys);
        _process.StandardInput.Flush();
    }

    /// <summary>SIGKILL: laqa dies at once, as on a node that crashes.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Sends a signal to laqa itself (not only to a wrapper: env execs it, so it is the child).</summary>
    public void Signal(int signal) => Assert.Equal(0, UnixSignal.Send(_process.Id, signal));

    /// <summary>
    /// Sends a signal to every process laqa started and they started (the calculator's), as a batch system
    /// signals every process of a job; returns how many were signalled.
    /// </summary>
    public int SignalDescendants(int signal)
    {
        var parents = new Dictionary<int, int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText($"{entry}/stat");
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }
        var family = new HashSet<int> { _process.Id };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
                if (family.Contains(parent) && family.Add(pid)) grew = true;
        }
        family.Remove(_process.Id);
        foreach (var pid in family) _ = UnixSignal.Send(pid, signal);
        return family.Count;
    }

    /// <summary>Waits for a line that matches; false when laqa ended first or the time ran out.</summary>
    public bool WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (!_lines.TryTake(out var line, TimeSpan.FromMilliseconds(200)))
            {
                if (_lines.IsCompleted) return false;
                continue;
            }
            if (match(line)) return true;
        }
        return false;
    }

    /// <summary>Waits for laqa to end and returns how long it took; fails the test (killing laqa) past the timeout.</summary>
    public TimeSpan WaitForExit(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"laqa did not end within {timeout.TotalSeconds} s; it printed:\n{Output}");
        }
        _process.WaitForExit();
        return clock.Elapsed;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    private void Take(string? line)
    {
        if (line is null)
        {
            // stdout and stderr both end: only then are no more lines coming.
            if (Interlocked.Increment(ref _ended) == 2) _lines.CompleteAdding();
            return;
        }
        _output.Enqueue(line);
        _lines.Add(line);
    }
}
