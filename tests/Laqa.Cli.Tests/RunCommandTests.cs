using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Laqa.Calculators.Potentials;
using Laqa.Crystal;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>`laqa run` end to end with the embedded Tersoff potential, as a user runs it.</summary>
public class RunCommandTests
{
    // Si8 from seed 4: the diamond structure is not among the initial candidates (it comes from an Fddd one).
    private static string SmallSiliconCampaign(string algorithm, int seed = 4) => $$"""
        laqa {
          composition = Si8
          initial-structures = 20
          seed = {{seed}}
          calculator.preset = si-tersoff
          relaxer { steps-per-batch = 5, fmax = 0.05, smax = 0.2 }
          search { algorithm = {{algorithm}}, nselect = 3, max-steps-per-candidate = 300 }
          workers.count = 1
        }
        """;

    [Theory]
    [InlineData("laqa")]
    [InlineData("rs")]
    [InlineData("race")]
    public void SmallSiliconCampaignFindsDiamond(string algorithm)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si8.conf"), SmallSiliconCampaign(algorithm));
        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "campaign");
        Assert.True(run.ExitCode == 0, run.Error);

        var rows = File.ReadAllLines(folder.File("campaign/results.tsv")).Skip(1).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(20, rows.Length);
        var energies = rows.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(energies.Order(), energies);
        Assert.Equal("Fd-3m(227)", rows[0][2]);
        Assert.NotEqual("Fd-3m(227)", rows[0][1]);
        var diamond = DiamondMinimumPerAtom();
        Assert.InRange(energies[0], diamond - 1e-9, diamond + 2e-4);

        var totalSteps = long.Parse(Regex.Match(run.Output, @"(\d+) relaxation steps").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(totalSteps, rows.Sum(r => long.Parse(r[4], CultureInfo.InvariantCulture)));
        // Every candidate left the search: converged, failed with a reason, or at its step budget.
        Assert.All(rows, r => Assert.True(r[6] == "Converged" || (r[6] == "Failed" && r[7].Length > 0) || int.Parse(r[4], CultureInfo.InvariantCulture) >= 300,
            string.Join(' ', r)));
    }

    [Fact]
    public void ResultsTsvAndPrintedTableAreThoseOfTheRowsAnalysedOneAtATime()
    {
        using var folder = new TempFolder();
        // Stopped by a total step budget, so most candidates end mid-relaxation.
        File.WriteAllText(folder.File("si8.conf"), SmallSiliconCampaign("laqa").Replace("initial-structures = 20", "initial-structures = 40")
            .Replace("workers.count = 1", "workers.count = 1\n  stop.max-total-steps = 600"));
        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "campaign", "--top", "40");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);

        // The straightforward table: each row's two spglib analyses in turn, on this thread.
        using var model = Laqa.Engine.Journal.CampaignReadModel.Open(folder.File("campaign"), note => Assert.Fail(note));
        var oneAtATime = new List<ResultRow>();
        foreach (var candidate in model.Ranked(int.MaxValue)) oneAtATime.Add(ResultsTable.Row(candidate));
        Assert.Equal(40, oneAtATime.Count);
        Assert.True(oneAtATime.Select(r => r.RelaxedSpaceGroup).Distinct().Count() > 3, string.Join(' ', oneAtATime.Select(r => r.RelaxedSpaceGroup)));
        Assert.Contains(oneAtATime, r => r.Status == Laqa.Search.CandidateStatus.Converged);
        Assert.Contains(oneAtATime, r => r.Status != Laqa.Search.CandidateStatus.Converged);

        ResultsTable.Write(folder.File("one-at-a-time.tsv"), oneAtATime, 0);
        Assert.Equal(File.ReadAllBytes(folder.File("one-at-a-time.tsv")), File.ReadAllBytes(folder.File("campaign/results.tsv")));
        var printed = new StringWriter();
        ResultsTable.Print(printed, oneAtATime, 40, 0);
        Assert.Contains(printed.ToString(), run.Output);
    }

    [Fact]
    public void AFinishedCampaignRunAgainPrintsOneDoneLineAndItsResults()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si8.conf"), CampaignFolder.Config);
        var first = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.True(first.ExitCode == 0, first.Output + first.Error);

        // The recovered campaign reports Done as each of its candidates comes back; that used to be a progress line each.
        var again = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        var progress = again.Output.Split('\n').Where(l => l.StartsWith('[')).ToList();
        Assert.Single(progress, l => l.Contains("] Done ", StringComparison.Ordinal));
        Assert.All(progress, l => Assert.Contains("structures     6  batches", l));
        Assert.Contains("done (every candidate is done)", again.Output);
        Assert.Equal(Regex.Match(first.Output, "best found after .*").Value, Regex.Match(again.Output, "best found after .*").Value);
    }

    [Fact]
    public void AFolderHoldingAnotherCampaignIsOneLineNamingWhatDiffersAndNothingElse()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si8.conf"), CampaignFolder.Config);
        var first = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        var journal = File.ReadAllBytes(folder.File("si8/campaign.db"));

        File.WriteAllText(folder.File("other.conf"), CampaignFolder.Config.Replace("seed = 8", "seed = 9", StringComparison.Ordinal));
        var other = LaqaProcess.Start(folder.Path, "run", "other.conf", "--dir", "si8");
        Assert.Equal(2, other.ExitCode);
        // Refused before the campaign's header line, as every other bad input.
        Assert.Equal("", other.Output);
        Assert.Equal("laqa: error: si8/campaign.db holds another campaign: laqa.seed is 8 there, 9 in this config; resume it with its own config or choose another --dir",
            Assert.Single(other.ErrorLines));
        Assert.Equal(journal, File.ReadAllBytes(folder.File("si8/campaign.db")));
    }

    [Fact]
    public void BadConfigListsEveryErrorAndCreatesNothing()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.conf"),
            "laqa { composition = Si8, initial-structures = 5, search.nselect = 9, search.weights.force = -1, calculator.preset = si-tersof, relaxer.stepz = 3 }");
        var run = LaqaProcess.Start(folder.Path, "run", "bad.conf", "--dir", "campaign");
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error);
        foreach (var key in new[] { "laqa.relaxer.stepz", "laqa.calculator.preset", "laqa.search.nselect", "laqa.search.weights.force" })
            Assert.Contains(key, run.Error);
        Assert.False(Directory.Exists(folder.File("campaign")));
    }

    [Fact]
    public void CompositionFittingNoAllowedGroupInTheCellIsOneLineNamingTheCellKeyAndCreatesNothing()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("nacl.conf"), "laqa { composition = Na1Cl1, generation.space-groups = [225], calculator.preset = nacl-bmh }");
        var run = LaqaProcess.Start(folder.Path, "run", "nacl.conf", "--dir", "campaign");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("laqa: error: Na1Cl1 fits no combination of Wyckoff positions of Fm-3m (225) in the conventional cell; it fits in the primitive cell (laqa.generation.cell = primitive)",
            Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(folder.File("campaign")));
    }

    [Fact]
    public void MalformedPotentialFileOfTheConfigIsOneLineNamingKeyFileAndLineAndCreatesNothing()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.tersoff"), "Si Si Si 3.0 1.0 1.3258\n");
        File.WriteAllText(folder.File("bad.conf"), "laqa { composition = Si8, calculator.lammps-file = bad.tersoff }");
        var run = LaqaProcess.Start(folder.Path, "run", "bad.conf", "--dir", "campaign");
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains($"laqa.calculator.lammps-file: {folder.File("bad.tersoff")}, line 1:", line);
        Assert.False(Directory.Exists(folder.File("campaign")));
    }

    [Fact]
    public void FolderGivenAsTheConfigIsOneLineSayingHowToResume()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("campaign"));
        var run = LaqaProcess.Start(folder.Path, "run", "campaign");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("laqa: error: campaign is a folder: laqa run takes a config file; to resume a campaign, run its config again (with --dir campaign if the folder is not named after the config)",
            Assert.Single(run.ErrorLines));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.File("campaign")));
    }

    [Theory]
    [InlineData("laqa {\n  composition = Si8\n  initial-structures = 2\n  search.nselect = 1\n  relaxer {\n    fmax = 0.05\n", "bad.conf, line 5: the '{' opened here is not closed")]
    [InlineData("laqa { composition = Si8, initial-structures = 2, search.nselect = 1 }}}} garbage ]\n", "bad.conf, line 1: '}' without a matching '{'")]
    [InlineData("include \"nope.conf\"\nlaqa { composition = Si8 }\n", "bad.conf, line 1: include \"nope.conf\": cannot read ")]
    [InlineData("laqa {\n  composition = Si8\n  seed = = 3\n}\n", "bad.conf, line 3: '=' followed by '=': a key takes one '=' or ':' before its value")]
    [InlineData("laqa { composition = Si100000000 }", "laqa.composition: composition 'Si100000000': 100000000 atoms in the cell; at most 500 atoms per cell")]
    [InlineData("laqa { composition = Si8, initial-structures = 2000000000 }", "laqa.initial-structures: must be between 1 and 100000, got 2000000000")]
    [InlineData("laqa { composition = Si8, relaxer.pressure = 1e300 }", "laqa.relaxer.pressure: must be at most 1000 in magnitude, got 1e300")]
    [InlineData("laqa { composition = Na4Cl8, calculator.preset = nacl-bmh }", "laqa.calculator.preset: Na4Cl8 carries a net charge of -4 e")]
    [InlineData("laqa { composition = Na4Cl4, calculator.rigid-ion { charges { Na = 1, Cl = -2 }, pairs { Na-Na { a = 0 }, Na-Cl { a = 1254.6, rho = 0.317 }, Cl-Cl { a = 0 } } } }",
        "laqa.calculator.rigid-ion: Na4Cl4 carries a net charge of -4 e")]
    [InlineData("laqa { composition = Si8, persistence.sqlite-file = \"/proc/nope/x.db\" }", "laqa.persistence.sqlite-file: cannot write /proc/nope/x.db: ")]
    [InlineData("laqa { composition = Si8, relaxer.fmax = null }", "laqa.relaxer.fmax: null is not a value; leave the key out to take its default")]
    [InlineData("laqa { composition = Si8, calculator.keep-files = some }", "laqa.calculator.keep-files: unknown value \"some\"")]
    [InlineData("laqa { composition = Si8, stop.max-wall-time = 10 }", "laqa.stop.max-wall-time: a duration needs a unit")]
    [InlineData("laqa { composition = Si8, cluster.hostname = \"no-such-host.invalid\" }", "cannot listen on no-such-host.invalid:0 (--hostname, --port): ")]
    [InlineData("laqa { composition = Si8 }", "--top must not be negative (got -1)", "--top -1")]
    public void ConfigThatWouldFailIsOneLineExitCodeTwoAndCreatesNothing(string config, string expected, string options = "")
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.conf"), config);
        var run = LaqaProcess.Start(folder.Path, ["run", "bad.conf", "--dir", "campaign", .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"laqa: error: {expected}", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(folder.File("campaign")));
    }

    [Fact]
    public void AValueAkkaCannotReadInTheAkkaBlockExitsWithTwoAndLeavesNoFolder()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.conf"), "laqa { composition = Si8 }\nakka.remote.dot-netty.tcp.maximum-frame-size = banana\n");
        var run = LaqaProcess.Start(folder.Path, "run", "bad.conf", "--dir", "campaign");
        Assert.Equal(2, run.ExitCode);
        // Akka logs its own startup failure first; the last line is ours.
        Assert.StartsWith("laqa: error: the config's akka { } block: ", run.ErrorLines[^1]);
        Assert.Contains("'banana'", run.ErrorLines[^1]);
        Assert.DoesNotContain(run.ErrorLines, l => l.Contains("   at "));
        Assert.False(Directory.Exists(folder.File("campaign")));
    }

    [Fact]
    public void AnEmptyDirIsOneLineAndWritesNothing()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si8.conf"), "laqa { composition = Si8 }");
        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("laqa: error: --dir is empty; give the campaign folder", Assert.Single(run.ErrorLines));
        Assert.Equal(["si8.conf"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void FolderOfAnotherCampaignIsRefusedNamingTheChangedSettingAndLeftUntouched()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("first.conf"), SmallSiliconCampaign("laqa").Replace("initial-structures = 20", "initial-structures = 3"));
        Assert.Equal(0, LaqaProcess.Start(folder.Path, "run", "first.conf", "--dir", "campaign").ExitCode);
        var database = folder.File("campaign/campaign.db");
        var before = SHA256.HashData(File.ReadAllBytes(database));

        File.WriteAllText(folder.File("second.conf"), SmallSiliconCampaign("laqa", seed: 5).Replace("initial-structures = 20", "initial-structures = 3"));
        var run = LaqaProcess.Start(folder.Path, "run", "second.conf", "--dir", "campaign");
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("laqa.seed", run.Error);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(database)));
    }

    private static double DiamondMinimumPerAtom()
    {
        var tersoff = PotentialPresets.Create("si-tersoff");
        var best = double.PositiveInfinity;
        for (var a = 5.40; a <= 5.46; a += 0.0002)
            best = Math.Min(best, tersoff.Calculate(Diamond(a)).Energy / 8);
        return best;
    }

    private static Structure Diamond(double a)
    {
        Vec3[] fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];
        return new Structure(Lattice.Cubic(a), Enumerable.Repeat("Si", 8), [.. fcc, .. fcc.Select(f => f + new Vec3(0.25, 0.25, 0.25))]);
    }
}
