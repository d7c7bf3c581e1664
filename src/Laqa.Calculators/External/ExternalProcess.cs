using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Laqa.Calculators.External;

/// <summary>
/// Runs an external program (a DFT code, often behind mpirun) in a work folder, in a session of its
/// own, its stdout and stderr written to files there. The program and everything it starts are
/// killed together (SIGKILL to every process of the session: mpirun puts its ranks in process groups
/// of their own, but not in other sessions) on timeout or cancellation, and — because a guard in the
/// session holds a pipe from this process and kills the session when it reads end-of-file — also
/// when this process dies, even by SIGKILL, and after a normal end (stragglers of the program).
/// </summary>
public static class ExternalProcess
{
    // $1 stdout file, $2 stderr file, then the command. setsid(1) execs sh in place (the child of .NET
    // is no group leader), so sh's pid is the session id, and the command replaces sh. The guard reads
    // our pipe as fd 3 (a background job's own stdin is /dev/null), then kills every process of the
    // session but itself (field 6 of /proc/PID/stat, the 4th after "comm) "), twice for any forked
    // meanwhile, with shell builtins only (no process per entry).
    private const string Script = $$"""
        out=$1; err=$2; shift 2
        exec >"$out" 2>"$err" 3<&0
        sh -c 'exec 1>/dev/null 2>&1; session=$1; cat <&3
        {{KillSessionButSelf}}' laqa-guard $$ &
        exec "$@" </dev/null 3<&-
        """;

    /// <summary>
    /// Shell text for a guard: SIGKILL to every process of the session $session but the shell running it,
    /// twice for any forked meanwhile (shell builtins only, no process per entry; no single quotes, so
    /// that it fits in sh -c '...').
    /// </summary>
    internal const string KillSessionButSelf = """
        for pass in 1 2; do
            for d in /proc/[0-9]*; do
              read -r stat < "$d/stat" || continue
              set -- ${stat##*") "}
              [ "$4" = "$session" ] && [ "${d#/proc/}" != $$ ] && kill -KILL "${d#/proc/}"
            done
          done
        """;

    private const int SigKill = 9;

    /// <summary>
    /// Runs <paramref name="command"/> (program and arguments; a bare program name is looked up on
    /// PATH) in <paramref name="folder"/> and waits for it. Throws OperationCanceledException when the
    /// token is cancelled, after the session has been killed; a program that cannot be
    /// found ends with exit code 127 and the shell's message in the stderr file.
    /// </summary>
    public static ExternalRun Run(IReadOnlyList<string> command, string folder, string stdoutFile, string stderrFile,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        if (command.Count == 0) throw new ArgumentException("empty command", nameof(command));
        var start = new ProcessStartInfo("setsid") { WorkingDirectory = folder, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in (string[])["sh", "-c", Script, "laqa-run", Path.GetFullPath(stdoutFile, folder), Path.GetFullPath(stderrFile, folder)])
            start.ArgumentList.Add(argument);
        foreach (var argument in command) start.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (key, value) in environment) start.Environment[key] = value;

        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start setsid");
        var session = process.Id;
        // A kill by session id before setsid has run would miss the program.
        WaitForSession(process);
        try
        {
            using (cancellationToken.Register(() => KillSession(session)))
                process.WaitForExit();
        }
        finally
        {
            // End-of-file for the guard: it kills whatever the program left behind in its session.
            process.StandardInput.Close();
        }
        if (cancellationToken.IsCancellationRequested)
        {
            // The kill also took the guard: what the program forked meanwhile goes now.
            KillSession(session);
            throw new OperationCanceledException(cancellationToken);
        }
        return new ExternalRun(process.ExitCode, clock.Elapsed);
    }

    /// <summary>Waits (a few milliseconds at most, in practice) until the process leads its own session or has ended.</summary>
    internal static void WaitForSession(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(5) && !process.HasExited && SessionOf(process.Id) is { } session && session != process.Id)
            Thread.Sleep(1);
    }

    /// <summary>SIGKILL to every process of the session (nothing when it is gone).</summary>
    internal static void KillSession(int session)
    {
        // Twice: a process forked while the first pass ran is caught by the second.
        for (var pass = 0; pass < 2; pass++)
            foreach (var pid in SessionMembers(session))
                _ = kill(pid, SigKill);
    }

    /// <summary>The live processes of a session, from /proc.</summary>
    private static List<int> SessionMembers(int session)
    {
        var members = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(entry), out var pid) && SessionOf(pid) == session) members.Add(pid);
        return members;
    }

    /// <summary>The session of a live process (field 6 of /proc/PID/stat), or null when it is gone or a zombie.</summary>
    private static int? SessionOf(int pid)
    {
        try
        {
            // "pid (comm) state ppid pgrp session ...": fields after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? null : int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

/// <summary>How an external program ended: its exit code (128 + n when killed by signal n, as the shell reports it) and the wall time.</summary>
public sealed record ExternalRun(int ExitCode, TimeSpan Elapsed);
