using System.Text.RegularExpressions;
using Laqa.Engine.Candidates;
using Laqa.Engine.Journal;
using Laqa.Search;
using Xunit;
using Xunit.Abstractions;

namespace Laqa.Cli.Tests;

/// <summary>
/// Fail-over on PostgreSQL, all real `laqa` processes on 127.0.0.1: two `laqa run` campaign nodes of one
/// campaign and one `laqa worker`; the node hosting the campaign and selector singletons (the oldest
/// campaign node) is killed with SIGKILL, or frozen and woken, and the campaign ends on the survivors
/// exactly as one that ran through.
/// </summary>
public class FailoverTests(ITestOutputHelper output)
{
    private const int Kills = 3;
    private static readonly TimeSpan JoinWithin = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RunWithin = TimeSpan.FromMinutes(8);

    // Si8 with one worker in all (the campaign nodes run none), in sync mode: a fixed seed gives the same
    // candidates whoever runs them. Some 3,000 batches, long enough for three fail-overs of ~15 s each.
    private static string Config(string variable, string campaign, int workers) => $$"""
        laqa {
          composition = Si8
          initial-structures = 150
          seed = 8
          calculator.preset = si-tersoff
          relaxer { steps-per-batch = 5, fmax = 0.0001, smax = 0.2 }
          search { algorithm = laqa, mode = sync, nselect = 4, max-steps-per-candidate = 5000 }
          workers.count = {{workers}}
          persistence { provider = postgresql, postgresql-connection-env = {{variable}}, campaign-name = {{campaign}} }
        }
        """;

    [Fact]
    public void TheSingletonsNodeKilledThreeTimesFailsOverAndTheCampaignEndsAsOneThatRanThrough()
    {
        var seed = Random.Shared.Next();
        output.WriteLine($"kill schedule seed {seed}");
        var random = new Random(seed);
        RunAndCompareWithReference((folder, nodes) =>
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                // The oldest campaign node hosts the singletons: the first in the list, restarted as the last.
                var (dir, host) = nodes[0];
                var survivor = nodes[1].Process;
                var batches = WaitForProgress(survivor, -1);
                Thread.Sleep(TimeSpan.FromMilliseconds(random.Next(1000, 6000)));
                host.Kill();
                output.WriteLine($"kill {kill + 1}: node {dir} after {batches}+ batches");
                nodes.RemoveAt(0);
                nodes.Add((dir, StartCampaignNode(folder, dir, joins: true)));
                host.Dispose();
                // The survivor's campaign moves on (it fails here if the campaign ended before the kill: make it longer).
                WaitForProgress(survivor, batches);
            }
        });
    }

    /// <summary>
    /// A partition as the singletons' node sees it: frozen (UnixSignal.SIGSTOP) past the split-brain resolver's decision, so the other
    /// side downs it and takes the singletons over, then woken (UnixSignal.SIGCONT) with its selector and candidates still in memory.
    /// It must find itself downed and end without writing to the campaign; the survivor's campaign ends as one that ran through.
    /// </summary>
    [Fact]
    public void TheSingletonsNodeFrozenPastTheResolverIsDownedOnWakingAndTheCampaignEndsAsOneThatRanThrough()
    {
        RunAndCompareWithReference((folder, nodes) =>
        {
            var (dir, host) = nodes[0];
            var survivor = nodes[1].Process;
            var batches = WaitForProgress(survivor, -1);
            host.Signal(UnixSignal.SIGSTOP);
            output.WriteLine($"froze node {dir} after {batches}+ batches");
            // The survivor moves on only once it hosts the selector: the frozen node has been downed and removed. A progress
            // line under way at the freeze may still show a few more batches (at most the worker's two jobs in flight).
            var downedAt = WaitForProgress(survivor, batches + 10);
            host.Signal(UnixSignal.SIGCONT);
            output.WriteLine($"woke node {dir} after {downedAt}+ batches");
            host.WaitForExit(JoinWithin);
            output.WriteLine($"--- node {dir}, woken:\n{WithoutProgress(host.Output)}");
            Assert.True(host.ExitCode == 1 && host.Output.Contains("run again to resume"), host.Output);
            // Not restarted (the kill test restarts): the survivor alone ends the campaign.
            nodes.RemoveAt(0);
            host.Dispose();
        });
    }


    /// <summary>
    /// Two campaign nodes (a, the oldest, and b) and a worker run the campaign while disturb acts on them (the list is
    /// the nodes that run, oldest first); a reference campaign runs through alongside. The campaign must end on every
    /// node that runs at the end, each batch applied once, with the reference's per-candidate results.
    /// </summary>
    private void RunAndCompareWithReference(Action<TempFolder, List<(string Dir, LaqaChild Process)>> disturb)
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var variable = db.Publish(db.ConnectionString);
        File.WriteAllText(folder.File("failover.conf"), Config(variable, "failover", workers: 0));
        File.WriteAllText(folder.File("reference.conf"), Config(variable, "reference", workers: 1));

        using var reference = LaqaChild.Start(folder.Path, "run", "reference.conf", "--dir", "reference");
        var nodes = new List<(string Dir, LaqaChild Process)>();
        LaqaChild? worker = null;
        try
        {
            var first = StartCampaignNode(folder, "a", joins: false);
            nodes.Add(("a", first));
            var seedPort = Regex.Match(first.Output, @"--join (127\.0\.0\.1:\d+)").Groups[1].Value;
            nodes.Add(("b", StartCampaignNode(folder, "b", joins: true)));
            worker = LaqaChild.Start(folder.Path, "worker", "--join", seedPort, "--workers", "1");
            Assert.True(worker.WaitForLine(l => l.StartsWith("joined the campaign", StringComparison.Ordinal), JoinWithin), worker.Output);
            disturb(folder, nodes);
            foreach (var (dir, node) in nodes)
            {
                node.WaitForExit(RunWithin);
                Assert.True(node.ExitCode == 0, $"{dir}:\n{node.Output}");
            }
            worker.WaitForExit(JoinWithin);
            Assert.True(worker.ExitCode == 0 && worker.Output.Contains("the campaign ended (every candidate is done)"), worker.Output);
            reference.WaitForExit(RunWithin);
            Assert.True(reference.ExitCode == 0, reference.Output);
        }
        finally
        {
            // Every process's own words (a failure seen on one process may be caused on another; the worker may have rejoined).
            foreach (var (dir, node) in nodes) output.WriteLine($"--- node {dir}:\n{WithoutProgress(node.Output)}");
            if (worker is not null) output.WriteLine($"--- worker:\n{WithoutProgress(worker.Output)}");
            foreach (var (_, node) in nodes) node.Dispose();
            worker?.Dispose();
        }

        var failedOver = new PostgresJournal(variable, "failover");
        Assert.Empty(JournalChecks.EveryBatchAppliedOnce(failedOver));
        var expected = CampaignRecord.Read(new PostgresJournal(variable, "reference")).Results;
        var actual = CampaignRecord.Read(failedOver).Results;
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.Id, e.Status, e.Batches, e.Steps), (a.Id, a.Status, a.Batches, a.Steps));
            Assert.Equal(e.EnergiesPerAtom, a.EnergiesPerAtom);
        }
    }

    /// <summary>`laqa run` of the fail-over campaign in folder dir, once it listens (and, when joining, has said it joined).</summary>
    private static LaqaChild StartCampaignNode(TempFolder folder, string dir, bool joins)
    {
        var node = LaqaChild.Start(folder.Path, "run", "failover.conf", "--dir", dir);
        Assert.True(node.WaitForLine(l => l.StartsWith("cluster node ", StringComparison.Ordinal) &&
                                          l.Contains("as a further campaign node") == joins, JoinWithin), node.Output);
        return node;
    }

    /// <summary>Waits for a progress line of node past the given batches, and returns its batches.</summary>
    private static long WaitForProgress(LaqaChild node, long past)
    {
        long batches = -1;
        Assert.True(node.WaitForLine(l => (batches = LaqaChild.BatchesIn(l)) > past, RunWithin), node.Output);
        return batches;
    }

    private static string WithoutProgress(string text) =>
        string.Join('\n', text.Split('\n').Where(l => LaqaChild.BatchesIn(l) < 0));
}
