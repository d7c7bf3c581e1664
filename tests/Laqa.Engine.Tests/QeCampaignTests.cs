using Laqa.Crystal.Spglib;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>Small LAQA campaigns with the real pw.x on Si2: one that runs through, and each failure class provoked for real.</summary>
public sealed class QeCampaignTests
{
    // Primitive cells of a few space groups, diamond (227) among them.
    private static string Campaign(int candidates, string qeKeys = "", string relaxer = "steps-per-batch = 4", string workers = "",
        string kPoints = "k-points = [2, 2, 2]") => $$"""
        laqa {
          composition = Si2
          initial-structures = {{candidates}}
          seed = 3
          generation { cell = primitive, space-groups = [166, 191, 227, 229] }
          {{QuantumEspresso.SiliconCalculator(qeKeys, kPoints)}}
          relaxer { fmax = 0.05, smax = 0.5, {{relaxer}} }
          search { algorithm = laqa, mode = sync, nselect = 2, max-steps-per-candidate = 40 }
          workers { count = 1, {{workers}} }
        }
        """;

    private static async Task<CampaignResult> RunAsync(string hocon, string folder)
    {
        QuantumEspresso.Require();
        var components = CampaignComponents.From(CampaignConfigLoader.Load(hocon), folder);
        return await CampaignHost.RunAsync(components.Settings, folder, components.Structures, components.RelaxerFactory);
    }

    [Fact]
    public async Task ASmallSi2CampaignEndsEveryCandidateAndTheLowestIsDiamond()
    {
        using var dir = new TempFolder();

        // A mesh per cell and smearing: with a fixed 2×2×2 mesh a simple-hexagonal cell ends below diamond.
        var result = await RunAsync(Campaign(candidates: 4, qeKeys: ", smearing = mv, degauss = 0.02", kPoints: "k-spacing = 0.35"), dir.Path);

        Assert.True(result.Finished);
        Assert.All(result.Candidates, c => Assert.True(c.Status == CandidateStatus.Converged || c.FailureReason is not null, $"candidate {c.Id}: {c.Status}"));
        var best = result.Candidates.Where(c => c.Status == CandidateStatus.Converged).MinBy(c => c.EnergyPerAtom)!;
        Assert.Equal(227, SymmetryAnalyzer.Analyze(best.Current!, 0.1).SpaceGroupNumber);
        foreach (var c in result.Candidates)
            Assert.True(File.Exists(Path.Combine(dir.Path, "calc", c.Id.ToString(), "0-1", "pw.out")));
    }

    [Fact]
    public async Task AnScfThatCannotConvergeFailsEachCandidateWithTheReasonAfterTheFallback()
    {
        using var dir = new TempFolder();

        var result = await RunAsync(Campaign(candidates: 2, qeKeys: ", electron-maxstep = 1"), dir.Path);

        Assert.True(result.Finished);
        Assert.All(result.Candidates, c =>
        {
            Assert.Equal(CandidateStatus.Failed, c.Status);
            Assert.Contains("pw.x: SCF not converged in electron-maxstep = 1 iterations at the first step with mixing-beta = 0.35", c.FailureReason);
            Assert.True(Directory.Exists(Path.Combine(dir.Path, "calc", c.Id.ToString(), "0-2")));
        });
    }

    [Fact]
    public async Task APwxInputErrorThatFailsEveryCandidateStopsTheCampaignAfterTheFirstThreeWithPwxsMessage()
    {
        using var dir = new TempFolder();

        // pw.x refuses a key its &system namelist does not have, whatever the structure.
        var result = await RunAsync(Campaign(candidates: 8, qeKeys: ", extra { system { no_such_key = 1 } }"), dir.Path);

        Assert.False(result.Finished);
        Assert.NotNull(result.StopReason);
        Assert.StartsWith($"the first {SameFailureRule.CandidatesToStop} candidates to fail all failed before any step with the same error", result.StopReason);
        var failed = result.Candidates.Where(c => c.Status == CandidateStatus.Failed).ToList();
        Assert.True(failed.Count >= SameFailureRule.CandidatesToStop && failed.Count < 8, $"{failed.Count} candidates failed");
        // The reason is pw.x's own, as its output in the first failed candidate's folder says.
        var pwOut = File.ReadAllText(Path.Combine(dir.Path, "calc", failed[0].Id.ToString(), "0-1", "pw.out"));
        var error = System.Text.RegularExpressions.Regex.Match(pwOut, @"Error in routine\s+(\S+) \(\d+\):\s*\n\s*(.+)");
        Assert.True(error.Success, pwOut);
        Assert.Contains(error.Groups[1].Value, result.StopReason);
        Assert.Contains(error.Groups[2].Value.Trim(), result.StopReason);
        Assert.All(failed, c => Assert.Equal(SameFailureRule.WithoutWorkFolder(c.FailureReason!), result.StopReason[(result.StopReason.IndexOf("pw.x:", StringComparison.Ordinal))..]));
    }

    [Fact]
    public async Task ABatchPastItsTimeoutHasItsPwxKilledIsRetriedAndThenFailsItsCandidate()
    {
        using var dir = new TempFolder();

        // A cutoff and mesh that keep pw.x busy past the timeout.
        var result = await RunAsync(Campaign(candidates: 2, qeKeys: ", ecutwfc = 40, ecutrho = 160, k-points = [8, 8, 8]", relaxer: "steps-per-batch = 40",
            workers: "batch-timeout = 3s, max-retries = 1"), dir.Path);

        Assert.All(result.Candidates, c =>
        {
            Assert.Equal(CandidateStatus.Failed, c.Status);
            Assert.Contains("timed out", c.FailureReason);
            Assert.True(Directory.Exists(Path.Combine(dir.Path, "calc", c.Id.ToString(), "0-2")));
        });
        Assert.Empty(QuantumEspresso.PwProcessesUnder(dir.Path, TimeSpan.FromSeconds(5)));
    }

    private static bool ScfRuns(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "pw.out")).Contains("iteration #", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task APwxKilledBySomeoneElseFailsItsCandidateAndTheOthersGoOn()
    {
        using var dir = new TempFolder();
        using var stop = new CancellationTokenSource();
        var killer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Once its SCF runs: mpirun can hang for good when its rank dies while starting up.
                if (QuantumEspresso.PwRunsUnder(Path.Combine(dir.Path, "calc", "1")) is [var (pid, folder), ..] && ScfRuns(folder))
                {
                    System.Diagnostics.Process.GetProcessById(pid).Kill();
                    return pid;
                }
                Thread.Sleep(20);
            }
            return 0;
        });

        var result = await RunAsync(Campaign(candidates: 2), dir.Path);
        stop.Cancel();

        Assert.NotEqual(0, await killer);
        Assert.True(result.Finished);
        var killed = result.Candidates.Single(c => c.Id == 1);
        Assert.Equal(CandidateStatus.Failed, killed.Status);
        Assert.Contains("killed", killed.FailureReason);
        Assert.All(result.Candidates.Where(c => c.Id != 1), c => Assert.DoesNotContain("killed", c.FailureReason ?? ""));
    }
}
