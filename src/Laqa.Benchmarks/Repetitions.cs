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

    /// <summary>Shortest seconds of <paramref name="count"/> timed runs of <paramref name="action"/>, after one untimed run.</summary>
    public static double BestSeconds(Action action, int count = Default)
    {
        action();
        var best = double.PositiveInfinity;
        for (var k = 0; k < count; k++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    /// <summary>How many times an action taking <paramref name="probeSeconds"/> fits in <paramref name="budgetSeconds"/> (at least 1).</summary>
    public static int Fitting(double budgetSeconds, double probeSeconds) =>
        (int)Math.Clamp(budgetSeconds / Math.Max(probeSeconds, 1e-9), 1, int.MaxValue / 2);
}
