using System.Runtime.InteropServices;

namespace Laqa.Benchmarks;

/// <summary>
/// CPU time (user and system) to the nanosecond, by Linux clock_gettime: of the calling thread (on a machine shared
/// with other processes it counts only the time this thread actually ran), of this process (all threads), or of another
/// process through the clock clock_getcpuclockid gives for its id. (Process.TotalProcessorTime counts whole kernel ticks
/// of 10 ms, too coarse for short repetitions.)
/// </summary>
public static partial class CpuTime
{
    private const int ClockProcessCpuTimeId = 2;
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [LibraryImport("libc", EntryPoint = "clock_getcpuclockid")]
    private static partial int ClockGetCpuClockId(int processId, out int clock);

    /// <summary>CPU seconds of the calling thread.</summary>
    public static double ThreadSeconds() => Read(ClockThreadCpuTimeId);

    /// <summary>CPU seconds of this process.</summary>
    public static double ProcessSeconds() => Read(ClockProcessCpuTimeId);

    /// <summary>CPU seconds of the process <paramref name="processId"/> (one of this user's).</summary>
    public static double ProcessSeconds(int processId)
    {
        var error = ClockGetCpuClockId(processId, out var clock);
        if (error != 0) throw new InvalidOperationException($"clock_getcpuclockid({processId}) failed with error {error}");
        return Read(clock);
    }

    private static double Read(int clock)
    {
        if (ClockGetTime(clock, out var time) != 0) throw new InvalidOperationException($"clock_gettime({clock}) failed");
        return time.Seconds + 1e-9 * time.Nanoseconds;
    }
}
