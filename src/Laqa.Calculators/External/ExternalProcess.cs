using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Laqa.Calculators.External;

/// <summary>
/// Runs an external program (a DFT code, often behind mpirun) in a work folder, in a process group
/// of its own, its stdout and stderr written to files there. The program and everything it starts
/// are killed together (SIGKILL to the group) on timeout or cancellation, and — because a guard in
/// the group holds a pipe from this process and kills the group when it reads end-of-file — also
/// when this process dies, even by SIGKILL, and after a normal end (stragglers of the program).
/// </summary>
public static class ExternalProcess
{
    // $1 stdout file, $2 stderr file, then the command. The guard subshell reads our pipe (as fd 3: a
    // background job's own stdin is /dev/null); the command reads /dev/null and replaces sh. setsid(1) execs sh in place (the child of .NET is no group leader), so sh's
    // pid is the group id.
    private const string Script = """
        out=$1; err=$2; shift 2
        exec >"$out" 2>"$err" 3<&0
        ( exec 1>/dev/null 2>&1; cat <&3; kill -KILL 0 ) &
        exec "$@" </dev/null 3<&-
        """;

    private const int SigKill = 9;

    /// <summary>
    /// Runs <paramref name="command"/> (program and arguments; a bare program name is looked up on
    /// PATH) in <paramref name="folder"/> and waits for it. Throws OperationCanceledException when the
    /// token is cancelled, after the process group has been killed and reaped; a program that cannot be
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

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start setsid");
        var group = process.Id;
        try
        {
            using (cancellationToken.Register(() => KillGroup(group)))
                process.WaitForExit();
        }
        finally
        {
            // End-of-file for the guard: it kills whatever the program left behind in its group.
            process.StandardInput.Close();
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new ExternalRun(process.ExitCode, clock.Elapsed);
    }

    /// <summary>SIGKILL to every process of the group (nothing when it is gone).</summary>
    public static void KillGroup(int processGroup) => _ = kill(-processGroup, SigKill);

    /// <summary>Whether any process of the group is still alive (or a zombie not yet reaped).</summary>
    public static bool GroupExists(int processGroup) => kill(-processGroup, 0) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

/// <summary>How an external program ended: its exit code (128 + n when killed by signal n, as the shell reports it) and the wall time.</summary>
public sealed record ExternalRun(int ExitCode, TimeSpan Elapsed);
