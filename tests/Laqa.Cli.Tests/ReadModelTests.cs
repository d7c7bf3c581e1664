using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Laqa.Cli.Tests;

/// <summary>The read model that `laqa status`, `laqa export` and the results tables read (issue 17), through real `laqa` processes.</summary>
public sealed class ReadModelTests(ITestOutputHelper log)
{
    private const int Kills = 10;

    /// <summary>Long enough to be killed ten times also on a quiet machine (about a minute of relaxation in a Release build): Si8 Tersoff, 1,000 candidates, two workers.</summary>
    private const string LongConfig = """
        laqa {
          composition = Si8
          initial-structures = 1000
          seed = 8
          calculator.preset = si-tersoff
          relaxer { steps-per-batch = 5, fmax = 0.05, smax = 0.2 }
          search { algorithm = laqa, mode = async, nselect = 4, max-steps-per-candidate = 300 }
          workers.count = 2
        }
        """;

    [Fact]
    public void AfterTenKillsAtRandomMomentsAndAResumeToTheEndTheReadModelEqualsAFullReplay()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si8.conf"), LongConfig);
        var seed = Environment.TickCount;
        log.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        for (var kill = 0; kill < Kills; kill++)
        {
            using var laqa = LaqaChild.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
            Assert.True(laqa.WaitForLine(l => l.StartsWith("cluster node", StringComparison.Ordinal), TimeSpan.FromMinutes(2)), laqa.Output);
            // Past the first catch-up of the run's keeper (every 5 s) now and then; status processes catch up meanwhile, some killed half-way.
            var killAt = TimeSpan.FromMilliseconds(random.Next(300, 6500));
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < killAt)
            {
                using var status = LaqaChild.Start(folder.Path, "status", "si8", "--top", "3");
                if (random.Next(2) == 0) Thread.Sleep(random.Next(50, 400));
                else status.WaitForExit(TimeSpan.FromMinutes(1));
                status.Kill();
            }
            Assert.False(laqa.Output.Contains("done (", StringComparison.Ordinal), $"the campaign ended before kill {kill + 1}; seed {seed}");
            laqa.Kill();
        }

        var resumed = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Contains("done (every candidate is done)", resumed.Output);
        var notes = new List<string>();
        Assert.Equal([], ReadModelComparison.Differences(folder.File("si8"), notes.Add));
        Assert.Empty(notes);
    }

    /// <summary>
    /// A new campaign has no read model to rebuild: the line saying it was rebuilt is for a folder written before the read model.
    /// The run (400 candidates: about 15 s on a quiet machine) lasts past the keeper's first catch-up (5 s), which used to say it whenever the journal already held the campaign's
    /// first events by then (a quiet machine: about 2 s), and ends with the final tables, which said it for a shorter run.
    /// </summary>
    [Fact]
    public void ANewCampaignsRunSaysNothingOfRebuildingItsReadModel()
    {
        AssertANewRunSaysNothingOfItsReadModel(CampaignFolder.Config);
    }

    /// <summary>The same on PostgreSQL, whose journal exists before the campaign does (the database).</summary>
    [Fact]
    public void ANewPostgresCampaignsRunSaysNothingOfRebuildingItsReadModel()
    {
        using var db = new TestDatabase();
        AssertANewRunSaysNothingOfItsReadModel(PostgresJournalTests.Config(db.Publish(db.ConnectionString)));
    }

    /// <summary>Runs config with 400 candidates in a new folder.</summary>
    private static void AssertANewRunSaysNothingOfItsReadModel(string config)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si8.conf"), config.Replace("initial-structures = 6", "initial-structures = 400", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.True(clock.Elapsed.TotalSeconds > 6, $"the run took {clock.Elapsed.TotalSeconds:F1} s, too short for the keeper's first catch-up");
        Assert.Contains("done (every candidate is done)", run.Output);
        Assert.DoesNotContain("read model", run.Output + run.Error);
    }

    [Fact]
    public void AFolderWrittenBeforeTheReadModelGetsItWithOneLineAndAnswersAsBefore()
    {
        using var folder = new TempFolder();
        var before = Path.Combine(AppContext.BaseDirectory, "Data", "legacy-si8");
        Directory.CreateDirectory(folder.File("si8"));
        File.Copy(Path.Combine(before, "campaign.db"), folder.File("si8/campaign.db"));

        var first = LaqaProcess.Start(folder.Path, "status", "si8", "--top", "100");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(before, "status.txt")), first.Output);
        Assert.Equal("laqa: si8: read model rebuilt from the journal (none was there)", Assert.Single(first.ErrorLines));

        // As before, but for the space group each candidate was generated in, which that journal did not keep.
        var json = LaqaProcess.Start(folder.Path, "status", "si8", "--json", "--top", "100");
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(before, "status.json")), WithoutUnknownGeneratedGroups(json.Output));
        Assert.Equal("", json.Error);

        // Resumed, the finished campaign ends at once and writes its tables from the read model: as the previous version wrote them.
        File.WriteAllText(folder.File("si8.conf"), CampaignFolder.Config);
        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(before, "laqa.tsv")), File.ReadAllText(folder.File("si8/laqa.tsv")));
        Assert.Equal(File.ReadAllText(Path.Combine(before, "results.tsv")), WithoutUnknownGeneratedColumn(File.ReadAllText(folder.File("si8/results.tsv"))));
        Assert.Empty(ReadModelComparison.Differences(folder.File("si8"), note => Assert.Fail(note)));
    }

    private static string WithoutUnknownGeneratedGroups(string json)
    {
        // The legacy campaign's six candidates.
        Assert.Equal(6, Regex.Matches(json, "\"generatedSpaceGroup\":null,").Count);
        return json.Replace("\"generatedSpaceGroup\":null,", "");
    }

    private static string WithoutUnknownGeneratedColumn(string table)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("\tgenerated_spg", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.EndsWith("\t-", line));
        return string.Concat(lines.Select(line => line[..line.LastIndexOf('\t')] + "\n"));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("export")]
    public void AJournalThatCannotBeReadIsOneLineAndExitCodeTwo(string command)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("si8"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "legacy-si8", "campaign.db"), folder.File("si8/campaign.db"));
        using (var journal = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.File("si8/campaign.db")};Pooling=False"))
        {
            journal.Open();
            using var damage = journal.CreateCommand();
            damage.CommandText = "UPDATE journal SET message = x'7b2278' WHERE ordering = 100";
            damage.ExecuteNonQuery();
        }
        string[] arguments = command == "status" ? ["status", "si8"] : ["export", "si8", "--top", "2", "--format", "cif", "--out", "out"];

        var run = LaqaProcess.Start(folder.Path, arguments);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("the journal cannot be read: an event after position 99 is damaged", Assert.Single(run.ErrorLines));

        File.WriteAllText(folder.File("si8/campaign.db"), "not a database");
        var garbage = LaqaProcess.Start(folder.Path, arguments);
        Assert.Equal(2, garbage.ExitCode);
        Assert.Equal("", garbage.Output);
        Assert.Contains("not a campaign journal", Assert.Single(garbage.ErrorLines));
    }
}
