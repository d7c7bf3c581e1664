using System.Diagnostics;

namespace Laqa.Benchmarks;

/// <summary>
/// Stopwatch timing with warm-up: an action is timed several times and the median duration kept,
/// which is steadier than the mean when other processes share the machine.
/// </summary>
public static class Repetitions
{
    public const int Default = 5;

    /// <summary>Median seconds of <paramref name="count"/> timed runs of <paramref name="action"/>, after one untimed run.</summary>
    public static double MedianSeconds(Action action, int count = Default)
    {
        action();
        var seconds = new double[count];
        for (var k = 0; k < count; k++)
        {
            var clock = Stopwatch.StartNew();
            action();
            seconds[k] = clock.Elapsed.TotalSeconds;
        }
        return Median(seconds);
    }

    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
    }

    /// <summary>How many times an action taking <paramref name="probeSeconds"/> fits in <paramref name="budgetSeconds"/> (at least 1).</summary>
    public static int Fitting(double budgetSeconds, double probeSeconds) =>
        (int)Math.Clamp(budgetSeconds / Math.Max(probeSeconds, 1e-9), 1, int.MaxValue / 2);
}
