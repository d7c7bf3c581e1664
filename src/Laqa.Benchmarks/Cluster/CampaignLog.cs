using System.Diagnostics;
using Akka.Actor;
using Akka.Event;

namespace Laqa.Benchmarks.Cluster;

/// <summary>
/// The Akka logger of the benchmark's campaign node (akka.loggers): keeps every message it is given
/// (INFO and above at the benchmark's log level) with the <see cref="Stopwatch"/> timestamp at which it
/// was logged, so the benchmark can tell when the failure detector, the split-brain resolver and the
/// selector acted. Akka creates it from its name, so what it keeps is static.
/// </summary>
public sealed class CampaignLog : ReceiveActor
{
    private static readonly List<(long At, string Text)> Lines = [];

    public CampaignLog()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e =>
        {
            var age = DateTime.UtcNow - e.Timestamp;
            lock (Lines) Lines.Add((Stopwatch.GetTimestamp() - (long)(age.TotalSeconds * Stopwatch.Frequency), e.Message.ToString() ?? ""));
        });
    }

    /// <summary>The first message containing text logged after the timestamp after, and when; waits up to timeout for it.</summary>
    public static async Task<(long At, string Text)> FirstAfterAsync(long after, string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            lock (Lines)
                foreach (var line in Lines)
                    if (line.At > after && line.Text.Contains(text, StringComparison.Ordinal)) return line;
            if (waited.Elapsed > timeout)
                lock (Lines)
                    throw new TimeoutException($"the campaign node logged no \"{text}\" within {timeout.TotalSeconds:F0} s; it logged:\n" +
                                               string.Join('\n', Lines.Where(l => l.At > after).Select(l => l.Text)));
            await Task.Delay(10);
        }
    }
}
