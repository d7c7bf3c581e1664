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
/// campaign node) is killed with SIGKILL at a random moment three times and restarted each time, and the
/// campaign ends on the survivors exactly as one that ran through.
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
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var variable = db.Publish(db.ConnectionString);
        File.WriteAllText(folder.File("failover.conf"), Config(variable, "failover", workers: 0));
        File.WriteAllText(folder.File("reference.conf"), Config(variable, "reference", workers: 1));
        var seed = Random.Shared.Next();
        output.WriteLine($"kill schedule seed {seed}");
        var random = new Random(seed);

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
            foreach (var (_, node) in nodes) node.Dispose();
            worker?.Dispose();
        }

        var failedOver = new PostgresJournal(variable, "failover");
        AssertEveryBatchAppliedOnce(failedOver);
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
        Assert.True(node.WaitForLine(l => (batches = BatchesIn(l)) > past, RunWithin), node.Output);
        return batches;
    }

    private static long BatchesIn(string progressLine) =>
        Regex.Match(progressLine, @"Searching .* batches +(\d+)") is { Success: true } m ? long.Parse(m.Groups[1].Value) : -1;

    /// <summary>Per candidate, the journal's applied batches are 0, 1, 2, … with none twice or missing; all ended; the totals are the candidates' sums.</summary>
    private static void AssertEveryBatchAppliedOnce(CampaignJournal journal)
    {
        var events = JournalFile.Read(journal);
        var applied = events.Where(e => e.Event is BatchCompleted)
            .GroupBy(e => e.PersistenceId)
            .ToDictionary(g => g.Key, g => g.Select(e => ((BatchCompleted)e.Event).BatchNumber).ToList());
        Assert.NotEmpty(applied);
        foreach (var (candidate, batches) in applied)
            Assert.True(batches.SequenceEqual(Enumerable.Range(0, batches.Count)), $"{candidate}: batches {string.Join(",", batches)}");
        var record = CampaignRecord.Read(journal);
        Assert.Equal(Engine.Campaign.CampaignPhase.Done, record.Phase);
        Assert.All(record.Results, r => Assert.True(r.Status != CandidateStatus.Relaxing, $"candidate {r.Id} is still {r.Status}"));
        Assert.Equal(record.Candidates.Sum(c => (long)c.Steps), record.Totals.Steps);
        Assert.Equal(events.Select(e => e.Event).OfType<BatchCompleted>().Sum(b => (long)b.StepCount), record.Totals.Steps);
        Assert.Equal(applied.Values.Sum(b => (long)b.Count), record.Totals.Batches);
    }
}
