using System.Diagnostics;

namespace Laqa.Benchmarks;

/// <summary>
/// Stopwatch timing with warm-up: an action is timed several times and the shortest duration kept.
/// Other processes sharing the machine only ever lengthen a run, so the best of several short runs
/// is the figure closest to a quiet machine.
/// </summary>
public static class Repetitions
{
    public const int Default = 5;

    /// <summary>
    /// Runs <paramref name="action"/> until <paramref name="seconds"/> have passed on <paramref name="clock"/>:
    /// long enough for tiered JIT to replace the first, unoptimised code, which its background thread
    /// does late when other processes load the machine.
    /// </summary>
    public static void WarmUp(Action action, double seconds, Func<double> clock)
    {
        var started = clock();
        do action();
        while (clock() - started < seconds);
    }

    /// <summary>Seconds on the wall clock.</summary>
    public static double WallSeconds() => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    /// <summary>
    /// Shortest seconds by <paramref name="clock"/> (the wall clock unless given) of <paramref name="count"/>
    /// timed runs of <paramref name="action"/>, after one untimed run.
    /// </summary>
    public static double BestSeconds(Action action, Func<double>? clock = null, int count = Default)
    {
        clock ??= WallSeconds;
        action();
        var best = double.PositiveInfinity;
        for (var k = 0; k < count; k++)
        {
            var started = clock();
            action();
            best = Math.Min(best, clock() - started);
        }
        return best;
    }

    /// <summary>How many times an action taking <paramref name="probeSeconds"/> fits in <paramref name="budgetSeconds"/> (at least 1).</summary>
    public static int Fitting(double budgetSeconds, double probeSeconds) =>
        (int)Math.Clamp(budgetSeconds / Math.Max(probeSeconds, 1e-9), 1, int.MaxValue / 2);
}
