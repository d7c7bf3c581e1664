using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>
/// `laqa run` stopped by SIGINT, SIGTERM or ^C typed in a terminal, as a user or a batch system
/// stops it: it ends promptly with 128 + the signal's number and leaves a folder that resumes to
/// the end; with one worker the resumed campaign ends as one that was never stopped.
/// </summary>
public class RunSignalTests
{
    // Generous bounds for a loaded 2-core machine: the point is "seconds", not "never".
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RunWithin = TimeSpan.FromMinutes(5);

    private static string SiliconCampaign(string mode, int workers, string extra = "") => $$"""
        laqa {
          composition = Si16
          initial-structures = 200
          seed = 5
          relaxer.steps-per-batch = 10
          search { algorithm = laqa, mode = {{mode}}, nselect = 5, max-steps-per-candidate = 400 }
          workers { count = {{workers}} {{extra}} }
        }
        """;

    // Si256 with convergence out of reach: one batch of 10,000 steps runs for tens of seconds.
    private const string EndlessBatches = """
        laqa {
          composition = Si256
          initial-structures = 2
          seed = 3
          relaxer { steps-per-batch = 10000, fmax = 1e-14, smax = 1e-14 }
          search { nselect = 1, max-steps-per-candidate = 1000000 }
          workers { count = 1, stop-grace-period = GRACE }
        }
        """;

    [Theory]
    [InlineData(UnixSignal.SIGINT, "sync", 1)]
    [InlineData(UnixSignal.SIGTERM, "sync", 2)]
    [InlineData(UnixSignal.SIGINT, "async", 2)]
    [InlineData(UnixSignal.SIGTERM, "async", 1)]
    [InlineData(UnixSignal.SIGHUP, "sync", 2)]
    public void SignalStopsTheCampaignPromptlyAndItResumesToTheEnd(int signal, string mode, int workers)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si16.conf"), SiliconCampaign(mode, workers));

        using (var laqa = LaqaChild.Start(folder.Path, "run", "si16.conf", "--dir", "stopped"))
        {
            Assert.True(laqa.WaitForLine(IsSearchingWithBatches, RunWithin), laqa.Output);
            laqa.Signal(signal);
            laqa.WaitForExit(StopWithin);
            Assert.True(128 + signal == laqa.ExitCode, laqa.Output);
            Assert.Contains($"stopping ({UnixSignal.NameOf(signal)})", laqa.Output);
            Assert.Contains("run again to resume", laqa.Output);
        }
        Assert.Equal("stopped", Status(folder, "stopped").GetProperty("phase").GetString());

        var resumed = LaqaProcess.Start(folder.Path, "run", "si16.conf", "--dir", "stopped");
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Contains("done (every candidate is done)", resumed.Output);
        var rows = ResultsTsvRow.Read(folder.File("stopped/results.tsv"));
        Assert.Equal(200, rows.Count);
        Assert.All(rows, r => Assert.True(r.Status is "Converged" or "Failed" || r.Steps >= 400, $"candidate {r.Id}: {r.Status}"));
        if (workers == 1) AssertEndsAsOneThatRanThrough(folder, "si16.conf", "stopped");
    }

    [Fact]
    public void CtrlCTypedInATerminalStopsTheCampaignAndItResumesAsOneThatRanThrough()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si16.conf"), SiliconCampaign("sync", 1));

        using (var laqa = LaqaChild.StartInTerminal(folder.Path, "run", "si16.conf", "--dir", "stopped"))
        {
            Assert.True(laqa.WaitForLine(IsSearchingWithBatches, RunWithin), laqa.Output);
            laqa.Type("\u0003");
            laqa.WaitForExit(StopWithin);
            Assert.True(laqa.ExitCode == 130, laqa.Output);
            Assert.Contains("stopping (SIGINT)", laqa.Output);
        }

        var resumed = LaqaProcess.Start(folder.Path, "run", "si16.conf", "--dir", "stopped");
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        AssertEndsAsOneThatRanThrough(folder, "si16.conf", "stopped");
    }

    [Fact]
    public void BatchesStillRunningAfterTheGracePeriodAreAbandonedAndASecondCtrlCAbandonsThemAtOnce()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("grace.conf"), EndlessBatches.Replace("GRACE", "1s"));
        using (var laqa = LaqaChild.Start(folder.Path, "run", "grace.conf", "--dir", "si256"))
        {
            Assert.True(laqa.WaitForLine(IsBusySearching, RunWithin), laqa.Output);
            laqa.Signal(UnixSignal.SIGINT);
            laqa.WaitForExit(StopWithin);
            Assert.True(laqa.ExitCode == 130, laqa.Output);
            Assert.Contains("0 batches, 0 steps, the batches in flight abandoned", laqa.Output);
        }

        // Resumed with a grace period of an hour: the abandoned batch runs again, and a second ^C ends it at once.
        File.WriteAllText(folder.File("grace.conf"), EndlessBatches.Replace("GRACE", "1h"));
        using (var laqa = LaqaChild.StartInTerminal(folder.Path, "run", "grace.conf", "--dir", "si256"))
        {
            Assert.True(laqa.WaitForLine(IsBusySearching, RunWithin), laqa.Output);
            laqa.Type("\u0003");
            Assert.True(laqa.WaitForLine(l => l.Contains("stopping (SIGINT)"), StopWithin), laqa.Output);
            laqa.Type("\u0003");
            laqa.WaitForExit(StopWithin);
            Assert.True(laqa.ExitCode == 130, laqa.Output);
            Assert.Contains("stopping now", laqa.Output);
            // Printed once the host has returned: the process ended by abandoning, not by the fallback exit.
            Assert.Contains("0 batches, 0 steps, the batches in flight abandoned", laqa.Output);
        }
        var status = Status(folder, "si256");
        Assert.Equal("stopped", status.GetProperty("phase").GetString());
        Assert.Equal(0, status.GetProperty("batches").GetInt64());
        Assert.Equal(2, status.GetProperty("structures").GetInt32());
    }

    // Ag32 with EMT through the ASE bridge: a batch of 300 steps runs for seconds, long enough to be killed in.
    private static readonly string SilverCampaign = $$"""
        laqa {
          composition = Ag32
          initial-structures = 2
          seed = 2
          calculator.ase { python = "{{AseCalculators.Python}}", calculator = "{{AseCalculators.Emt}}" }
          relaxer { steps-per-batch = 300, fmax = 1e-4, smax = 1e-4 }
          search { nselect = 1, max-steps-per-candidate = 300 }
          workers { count = 1, prefetch = 0, stop-grace-period = 1m }
        }
        """;

    [Fact]
    public void ABatchSystemsStopThatAlsoKillsTheCalculatorFailsNoCandidateAndTheCampaignResumesAsOneThatRanThrough()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("ag32.conf"), SilverCampaign);

        using (var laqa = LaqaChild.Start(folder.Path, "run", "ag32.conf", "--dir", "stopped"))
        {
            Assert.True(laqa.WaitForLine(l => l.Contains("Searching") && l.Contains("batches       0") && l.Contains("busy   1/1"), RunWithin), laqa.Output);
            // Slurm at the wall time or scancel: SIGTERM to every process of the job, laqa first; Python dies mid-batch.
            laqa.Signal(UnixSignal.SIGTERM);
            Assert.True(laqa.WaitForLine(l => l.Contains("stopping (SIGTERM)"), StopWithin), laqa.Output);
            Assert.True(laqa.SignalDescendants(UnixSignal.SIGTERM) > 0, "no calculator process to signal");
            laqa.WaitForExit(StopWithin);
            Assert.True(laqa.ExitCode == 143, laqa.Output);
        }
        var status = Status(folder, "stopped");
        Assert.Equal(0, status.GetProperty("failed").GetInt32());
        Assert.Equal(0, status.GetProperty("batches").GetInt64());

        var resumed = LaqaProcess.Start(folder.Path, "run", "ag32.conf", "--dir", "stopped");
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        AssertEndsAsOneThatRanThrough(folder, "ag32.conf", "stopped");
    }

    [Fact]
    public void NoBatchStartsAfterTheStopSignalTheOneQueuedIsGivenBackAndRunsOnResume()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("ag32.conf"), SilverCampaign.Replace("prefetch = 0", "prefetch = 1"));

        using (var laqa = LaqaChild.Start(folder.Path, "run", "ag32.conf", "--dir", "stopped"))
        {
            // Selection 0 gives the one worker both candidates' batches: the first runs, the second waits behind it.
            Assert.True(laqa.WaitForLine(l => l.Contains("Searching") && l.Contains("batches       0") && l.Contains("busy   1/1"), RunWithin), laqa.Output);
            laqa.Signal(UnixSignal.SIGTERM);
            laqa.WaitForExit(StopWithin);
            Assert.True(laqa.ExitCode == 143, laqa.Output);
        }
        // The running batch finished within the grace period; the waiting one never started.
        Assert.Equal(1, Status(folder, "stopped").GetProperty("batches").GetInt64());

        var resumed = LaqaProcess.Start(folder.Path, "run", "ag32.conf", "--dir", "stopped");
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        AssertEndsAsOneThatRanThrough(folder, "ag32.conf", "stopped");
    }

    internal static bool IsSearchingWithBatches(string line) => LaqaChild.BatchesIn(line) > 0;

    private static bool IsBusySearching(string line) => line.Contains("Searching") && line.Contains("workers busy   1/1");

    private static JsonElement Status(TempFolder folder, string dir)
    {
        var status = LaqaProcess.Start(folder.Path, "status", dir, "--json");
        Assert.True(status.ExitCode == 0, status.Error);
        return JsonDocument.Parse(status.Output).RootElement;
    }

    /// <summary>One worker makes a campaign reproducible: the stopped and resumed one must end as one run through.</summary>
    internal static void AssertEndsAsOneThatRanThrough(TempFolder folder, string config, string resumedDir)
    {
        var through = LaqaProcess.Start(folder.Path, "run", config, "--dir", "through");
        Assert.True(through.ExitCode == 0, through.Output + through.Error);
        Assert.Equal(File.ReadAllText(folder.File("through/results.tsv")), File.ReadAllText(folder.File($"{resumedDir}/results.tsv")));
        Assert.Equal(File.ReadAllText(folder.File("through/laqa.tsv")), File.ReadAllText(folder.File($"{resumedDir}/laqa.tsv")));
    }
}
