using System.Runtime.InteropServices;

namespace Laqa.TestSupport;

/// <summary>Sends a POSIX signal to a process, as a batch system or a user at a terminal would.</summary>
public static class UnixSignal
{
    public const int SIGHUP = 1;
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;
    public const int SIGCONT = 18;
    public const int SIGSTOP = 19;

    /// <summary>0 on success, -1 when the process is gone or the signal is refused.</summary>
    public static int Send(int pid, int signal) => Kill(pid, signal);

    public static string NameOf(int signal) => signal switch { SIGHUP => "SIGHUP", SIGINT => "SIGINT", SIGTERM => "SIGTERM", SIGKILL => "SIGKILL", _ => signal.ToString() };

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
