using System.Runtime.InteropServices;

namespace Laqa.Benchmarks;

/// <summary>
/// CPU time consumed by the calling thread (Linux clock_gettime with CLOCK_THREAD_CPUTIME_ID): on a
/// machine shared with other processes it counts only the time this thread actually ran.
/// </summary>
public static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static double Seconds()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return time.Seconds + 1e-9 * time.Nanoseconds;
    }
}
