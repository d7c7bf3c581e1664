using System.Globalization;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>`laqa run` with calculator.lammps { }: LAMMPS's library with an EAM file from Debian's lammps-data.</summary>
public class LammpsRunTests
{
    private const string CopperEam = "/usr/share/lammps/potentials/Cu_zhou.eam.alloy";

    private static string Config(string composition, string lammps, int seed = 5) => $$"""
        laqa {
          composition = {{composition}}
          initial-structures = 8
          seed = {{seed}}
          calculator.lammps { {{lammps}} }
          relaxer { steps-per-batch = 10, fmax = 0.02, smax = 0.05 }
          search { nselect = 2, max-steps-per-candidate = 300 }
          workers.count = 1
        }
        """;

    private const string CopperModel = $"""pair-style = "eam/alloy", pair-coeff = ["* * Cu_zhou.eam.alloy Cu"], files = ["{CopperEam}"]""";

    [Fact]
    public void SmallCopperCampaignWithEamFindsFcc()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("cu4.conf"), Config("Cu4", CopperModel));
        var run = LaqaProcess.Start(folder.Path, "run", "cu4.conf", "--dir", "campaign");
        Assert.True(run.ExitCode == 0, run.Error);

        var rows = File.ReadAllLines(folder.File("campaign/results.tsv")).Skip(1).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(8, rows.Length);
        // Seed 5's lowest candidate starts as Fmmm and relaxes to fcc, below every other structure found.
        Assert.Equal("Fm-3m(225)", rows[0][2]);
        Assert.NotEqual("Fm-3m(225)", rows[0][1]);
        var energies = rows.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(rows.Where(r => r[2] != "Fm-3m(225)"), r => Assert.True(double.Parse(r[3], CultureInfo.InvariantCulture) > energies[0] + 0.01, string.Join(' ', r)));
        Assert.All(rows, r => Assert.Equal("Converged", r[6]));
    }

    [Fact]
    public void StoppedCopperCampaignResumesAsOneThatRanThrough()
    {
        using var folder = new TempFolder();
        // 120 candidates: with the library's quick evaluations 30 ended (4.7 s) before the first progress line with batches.
        File.WriteAllText(folder.File("cu8.conf"), Config("Cu8", CopperModel).Replace("initial-structures = 8", "initial-structures = 120").Replace("steps-per-batch = 10", "steps-per-batch = 4"));

        using (var laqa = LaqaChild.Start(folder.Path, "run", "cu8.conf", "--dir", "stopped"))
        {
            Assert.True(laqa.WaitForLine(RunSignalTests.IsSearchingWithBatches, TimeSpan.FromMinutes(5)), laqa.Output);
            laqa.Signal(UnixSignal.SIGTERM);
            laqa.WaitForExit(TimeSpan.FromSeconds(30));
            Assert.True(128 + UnixSignal.SIGTERM == laqa.ExitCode, laqa.Output);
        }

        var resumed = LaqaProcess.Start(folder.Path, "run", "cu8.conf", "--dir", "stopped");
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        RunSignalTests.AssertEndsAsOneThatRanThrough(folder, "cu8.conf", "stopped");
    }

    [Theory]
    [InlineData("Cu4", """pair-style = "no/such", pair-coeff = ["* *"]""",
        "laqa.calculator.lammps: LAMMPS: ERROR: Unrecognized pair style 'no/such'")]
    [InlineData("Cu4", """pair-style = eam/alloy, pair-coeff = ["* * Cu_zhou.eam.alloy Cu"], files = ["nope/Cu_zhou.eam.alloy"]""",
        "laqa.calculator.lammps.files: cannot read ")]
    [InlineData("Ag4", $"""pair-style = eam/alloy, pair-coeff = ["* * Cu_zhou.eam.alloy Ag"], files = ["{CopperEam}"]""",
        $"laqa.calculator.lammps: LAMMPS: ERROR: No matching element in EAM potential file (src/MANYBODY/pair_eam_alloy.cpp:84) (Last command: pair_coeff * * {CopperEam} Ag); atom types 1, 2, ... are Ag")]
    [InlineData("Cu2Ag2", $"""pair-style = eam/alloy, pair-coeff = ["* * Cu_zhou.eam.alloy Cu"], files = ["{CopperEam}"]""",
        "laqa.calculator.lammps: LAMMPS: ERROR: Incorrect args for pair coefficients")]
    [InlineData("Cu4", $"""pair-style = eam/alloy, pair-coeff = ["* * Cu_zhou.eam.alloy Cu"], files = ["{CopperEam}"], units = real""",
        "laqa.calculator.lammps.units: only units metal (eV, Å) is supported, got \"real\"")]
    public void BadLammpsSettingsAreOneLineExitCodeTwoAndCreateNothing(string composition, string lammps, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.conf"), Config(composition, lammps));
        var run = LaqaProcess.Start(folder.Path, "run", "bad.conf", "--dir", "campaign");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"laqa: error: {expected}", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(folder.File("campaign")));
    }
}
