using System.Text.Json;
using Laqa.Crystal.Fingerprints;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Journal;
using Laqa.Search;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>
/// `laqa run` with laqa.duplicates: a Si8 Tersoff campaign generated in Fddd (70), a subgroup of diamond's Fd-3m, where
/// most candidates relax to diamond, so that candidates still relaxing meet converged diamonds.
/// </summary>
public class DuplicatePruningTests
{
    private const double EnergyTolerance = 1e-3;

    private static string SiliconCampaign(bool duplicates, int candidates = 30) => $$"""
        laqa {
          composition = Si8
          initial-structures = {{candidates}}
          seed = 3
          generation { space-groups = [70], min-distance.factor = 0.75, volume.factor = 1.1 }
          calculator.preset = si-tersoff
          relaxer { steps-per-batch = 5, fmax = 0.05, smax = 0.2 }
          search { algorithm = laqa, nselect = 3, max-steps-per-candidate = 300 }
          workers.count = 1
          duplicates { enabled = {{(duplicates ? "true" : "false")}}, energy-tolerance = {{EnergyTolerance}} }
        }
        """;

    private static CampaignRecord Run(TempFolder folder, bool duplicates, string dir)
    {
        File.WriteAllText(folder.File($"{dir}.conf"), SiliconCampaign(duplicates));
        var run = LaqaProcess.Start(folder.Path, "run", $"{dir}.conf", "--dir", dir);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        return CampaignRecord.ReadFolder(folder.File(dir));
    }

    [Fact]
    public void DuplicatesAreStoppedMatchingAConvergedCandidateAndTheBestIsFoundInFewerSteps()
    {
        using var folder = new TempFolder();
        var pruned = Run(folder, duplicates: true, "pruned");
        var full = Run(folder, duplicates: false, "full");

        var results = pruned.Results.ToDictionary(r => r.Id);
        var duplicates = pruned.Results.Where(r => r.Status == CandidateStatus.Duplicate).ToList();
        Assert.NotEmpty(duplicates);
        Assert.Equal(duplicates.Count, pruned.Totals.Duplicates);
        foreach (var duplicate in duplicates)
        {
            var of = results[Assert.NotNull(duplicate.DuplicateOf)];
            Assert.Equal(CandidateStatus.Converged, of.Status);
            Assert.InRange(duplicate.EnthalpyPerAtom - of.EnthalpyPerAtom, -EnergyTolerance, EnergyTolerance);
            // The same structure by the fingerprint and spglib, recomputed here from the journalled structures.
            Assert.True(StructureSignature.Of(duplicate.Current!).Matches(StructureSignature.Of(of.Current!), StructureSignature.DefaultDistanceTolerance),
                $"candidate {duplicate.Id} is not the structure of candidate {of.Id}");
            // Stopped: it took no batch after the one that matched (it was not converged then).
            Assert.True(duplicate.Steps < 300);
        }
        Assert.Equal(0, full.Totals.Duplicates);
        Assert.DoesNotContain(full.Results, r => r.Status == CandidateStatus.Duplicate);

        // The final best is the same structure at the same energy (the candidate may differ: the one that ended lowest
        // without pruning can be a duplicate of an earlier diamond), found with fewer steps in all.
        var prunedBest = results[Assert.NotNull(pruned.Totals.BestCandidate)];
        var fullBest = full.Results.Single(r => r.Id == full.Totals.BestCandidate);
        Assert.Equal(CandidateStatus.Converged, prunedBest.Status);
        Assert.InRange(prunedBest.EnthalpyPerAtom - fullBest.EnthalpyPerAtom, -EnergyTolerance, EnergyTolerance);
        Assert.Equal(227, StructureSignature.Of(prunedBest.Current!).SpaceGroupNumber);
        Assert.True(StructureSignature.Of(prunedBest.Current!).Matches(StructureSignature.Of(fullBest.Current!), StructureSignature.DefaultDistanceTolerance));
        Assert.True(pruned.Totals.Steps < full.Totals.Steps, $"{pruned.Totals.Steps} steps with pruning, {full.Totals.Steps} without");

        // The tables and the status name the candidate each duplicate matched and the steps it had taken.
        var tsv = File.ReadAllLines(folder.File("pruned/results.tsv")).Skip(1).Select(l => l.Split('\t')).ToDictionary(f => int.Parse(f[0]));
        var laqa = File.ReadAllLines(folder.File("pruned/laqa.tsv")).Skip(1).Select(l => l.Split('\t')).ToDictionary(f => int.Parse(f[0]));
        var status = JsonDocument.Parse(LaqaProcess.Start(folder.Path, "status", "pruned", "--json", "--top", "30").Output).RootElement;
        Assert.Equal(duplicates.Count, status.GetProperty("duplicates").GetInt32());
        var top = status.GetProperty("top").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt32());
        foreach (var duplicate in duplicates)
        {
            Assert.Equal($"Duplicate of {duplicate.DuplicateOf}", tsv[duplicate.Id][6]);
            Assert.Equal($"stopped after its {duplicate.Steps} steps, none spent further", tsv[duplicate.Id][7]);
            Assert.Equal($"Duplicate of {duplicate.DuplicateOf}", laqa[duplicate.Id][6]);
            Assert.Equal("-Infinity", laqa[duplicate.Id][1]);
            Assert.Equal(duplicate.DuplicateOf, top[duplicate.Id].GetProperty("duplicateOf").GetInt32());
        }
        Assert.Contains($"duplicates {duplicates.Count}", LaqaProcess.Start(folder.Path, "status", "pruned").Output);
    }

    [Fact]
    public void AStoppedCampaignResumesWithItsDuplicatesAndEndsAsOneThatRanThrough()
    {
        using var folder = new TempFolder();
        // Enough candidates that the search lasts several progress lines after its first duplicate, also on a fast machine.
        File.WriteAllText(folder.File("si8.conf"), SiliconCampaign(duplicates: true, candidates: 120));
        using (var laqa = LaqaChild.Start(folder.Path, "run", "si8.conf", "--dir", "stopped"))
        {
            Assert.True(laqa.WaitForLine(line => DuplicatesIn(line) > 0, TimeSpan.FromMinutes(3)), laqa.Output);
            laqa.Signal(UnixSignal.SIGINT);
            laqa.WaitForExit(TimeSpan.FromMinutes(1));
            Assert.True(128 + UnixSignal.SIGINT == laqa.ExitCode, laqa.Output);
        }
        var before = CampaignRecord.ReadFolder(folder.File("stopped")).Results.Where(r => r.Status == CandidateStatus.Duplicate).ToList();
        Assert.NotEmpty(before);
        Assert.NotEqual(CampaignPhase.Done, CampaignRecord.ReadFolder(folder.File("stopped")).Phase);

        var resumed = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "stopped");
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        var after = CampaignRecord.ReadFolder(folder.File("stopped")).Results.ToDictionary(r => r.Id);
        foreach (var duplicate in before)
        {
            Assert.Equal(CandidateStatus.Duplicate, after[duplicate.Id].Status);
            Assert.Equal(duplicate.DuplicateOf, after[duplicate.Id].DuplicateOf);
            Assert.Equal(duplicate.Steps, after[duplicate.Id].Steps);
        }
        RunSignalTests.AssertEndsAsOneThatRanThrough(folder, "si8.conf", "stopped");
    }

    [Theory]
    [InlineData("duplicates.energy-tolerance = 0", "laqa.duplicates.energy-tolerance: must be greater than 0, got 0")]
    [InlineData("duplicates.energy-tolerance = -0.001", "laqa.duplicates.energy-tolerance: must be greater than 0, got -0.001")]
    [InlineData("duplicates.distance-tolerance = 0", "laqa.duplicates.distance-tolerance: must be greater than 0, got 0")]
    [InlineData("duplicates.distance-tolerance = 2", "laqa.duplicates.distance-tolerance: must be at most 1, got 2")]
    [InlineData("duplicates.energy-tolerance = small", "laqa.duplicates.energy-tolerance: expected a number, got \"small\"")]
    [InlineData("duplicates.enabled = maybe", "laqa.duplicates.enabled: expected true or false, got \"maybe\"")]
    [InlineData("duplicates.enabled = [true]", "laqa.duplicates.enabled: expected a single value, got a list")]
    [InlineData("duplicates = true", "laqa.duplicates: expected a block { ... }")]
    public void BadDuplicateSettingIsOneLineNamingTheKeyExitCodeTwoAndCreatesNothing(string setting, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.conf"), $"laqa {{ composition = Si8, {setting} }}");
        var run = LaqaProcess.Start(folder.Path, "run", "bad.conf", "--dir", "campaign");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"laqa: error: {expected}", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(folder.File("campaign")));
    }

    /// <summary>The duplicates of a live progress line ("Searching … duplicates N …"), -1 for any other line.</summary>
    private static int DuplicatesIn(string line) =>
        System.Text.RegularExpressions.Regex.Match(line, @"Searching .* duplicates +(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value) : -1;
}
