using System.Text.Json;
using Laqa.Engine.Campaign;
using Laqa.Engine.Journal;
using Laqa.Search;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>`laqa run` with the stop criteria a user sets in laqa.stop { }: each ends (or stops) the campaign early, as it says.</summary>
public class StopCriteriaTests
{
    private static string SiliconCampaign(string stop, int candidates = 40) => $$"""
        laqa {
          composition = Si8
          initial-structures = {{candidates}}
          seed = 4
          calculator.preset = si-tersoff
          relaxer { steps-per-batch = 5, fmax = 0.05, smax = 0.2 }
          search { algorithm = laqa, nselect = 3, max-steps-per-candidate = 300 }
          workers.count = 1
          stop { {{stop}} }
        }
        """;

    private static (LaqaProcess.Run Run, CampaignRecord Record) Run(TempFolder folder, string stop)
    {
        File.WriteAllText(folder.File("si8.conf"), SiliconCampaign(stop));
        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "campaign");
        return (run, CampaignRecord.ReadFolder(folder.File("campaign")));
    }

    [Fact]
    public void TargetEnthalpyEndsTheCampaignOnceACandidateConvergesAtOrBelowIt()
    {
        using var folder = new TempFolder();

        var (run, record) = Run(folder, "target-enthalpy = -4.5");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(CampaignPhase.Done, record.Phase);
        var reached = record.Results.Where(r => r.Status == CandidateStatus.Converged && r.EnthalpyPerAtom <= -4.5).ToList();
        Assert.NotEmpty(reached);
        Assert.Matches(@"^candidate \d+ converged at -[\d.]+ eV/atom, at or below the target -4.5 \(stop.target-enthalpy\)$", record.EndReason);
        Assert.Contains(reached, r => record.EndReason!.StartsWith($"candidate {r.Id} converged", StringComparison.Ordinal));
        Assert.Contains(record.Results, r => r.Status is CandidateStatus.Pending or CandidateStatus.Relaxing);
        Assert.Contains($"done ({record.EndReason})", run.Output);
    }

    [Fact]
    public void NoImprovementSelectionsEndsTheCampaignBeforeEveryCandidateIsDone()
    {
        using var folder = new TempFolder();

        var (run, record) = Run(folder, "no-improvement-selections = 3");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal("the best did not improve by 0.001 eV/atom in 3 selections (stop.no-improvement-selections)", record.EndReason);
        Assert.True(record.History.Count >= 3, $"{record.History.Count} selections");
        Assert.Contains(record.Results, r => r.Status is CandidateStatus.Pending or CandidateStatus.Relaxing);
    }

    [Fact]
    public void MaxWallTimeStopsTheRunResumablyWithExitCode75()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si8.conf"), SiliconCampaign("max-wall-time = 3s", candidates: 2000));

        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "campaign");

        Assert.True(run.ExitCode == 75, run.Output + run.Error);
        Assert.Contains("stopping (stop.max-wall-time 00:00:03): no new batches start; the campaign can be resumed", run.Output);
        var status = JsonDocument.Parse(LaqaProcess.Start(folder.Path, "status", "campaign", "--json").Output).RootElement;
        Assert.Equal("stopped", status.GetProperty("phase").GetString());
        Assert.NotEqual(CampaignPhase.Done, CampaignRecord.ReadFolder(folder.File("campaign")).Phase);
    }
}
