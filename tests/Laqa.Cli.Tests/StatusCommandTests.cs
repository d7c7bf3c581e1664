using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Laqa.Cli.Tests;

public sealed class StatusCommandTests(CampaignFolder campaign) : IClassFixture<CampaignFolder>
{
    [Fact]
    public void JsonStatusAfterTheRunIsWhatTheRunReturned()
    {
        var run = LaqaProcess.Start(campaign.Root, "status", campaign.Dir, "--json", "--top", "100");
        Assert.Equal(0, run.ExitCode);
        var status = JsonDocument.Parse(run.Output).RootElement;
        var results = campaign.Results;

        Assert.Equal("done", status.GetProperty("phase").GetString());
        Assert.False(status.GetProperty("running").GetBoolean());
        Assert.Equal("every candidate is done", status.GetProperty("endReason").GetString());
        Assert.Equal(results.Count, status.GetProperty("structures").GetInt32());
        Assert.Equal(results.Count(r => r.Status == "Converged"), status.GetProperty("converged").GetInt32());
        Assert.Equal(results.Sum(r => r.Steps), status.GetProperty("steps").GetInt64());
        Assert.Equal(results.Sum(r => r.TimesSelected), status.GetProperty("batches").GetInt64());
        var (stepsToBest, steps) = campaign.BestFoundAfter();
        Assert.Equal(steps, status.GetProperty("steps").GetInt64());
        Assert.Equal(stepsToBest, status.GetProperty("stepsToBest").GetInt64());
        // The first candidate in the best's minimum, from the read model, against a replay of the journal.
        var replayed = Laqa.Engine.Journal.CampaignRecord.Read(Laqa.Engine.Journal.CampaignJournal.OfFolder(Path.Combine(campaign.Root, campaign.Dir)));
        Assert.Equal(replayed.StepsToBestMinimum, status.GetProperty("stepsToBestMinimum").GetInt64());
        Assert.InRange(status.GetProperty("stepsToBestMinimum").GetInt64(), 1, stepsToBest);
        var best = status.GetProperty("best");
        Assert.Equal(results[0].Id, best.GetProperty("id").GetInt32());
        Assert.Equal(results[0].EnergyPerAtom, best.GetProperty("energyPerAtom").GetDouble());
        Assert.Equal(results[0].RelaxedSpaceGroup, best.GetProperty("spaceGroup").GetString());

        var top = status.GetProperty("top").EnumerateArray().ToList();
        Assert.Equal(results.Count, top.Count);
        foreach (var (row, line) in results.Zip(top)) AssertSameRow(row, line);
    }

    [Fact]
    public void TextStatusShowsThePhaseTotalsBestAndTheTopRows()
    {
        var run = LaqaProcess.Start(campaign.Root, "status", campaign.Dir, "--top", "2");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"campaign {campaign.Dir}: done (every candidate is done)", lines[0]);
        var (stepsToBest, steps) = campaign.BestFoundAfter();
        Assert.Contains($"relaxation steps {steps},", lines[1]);
        Assert.Contains($"candidate {campaign.Results[0].Id}, {campaign.Results[0].RelaxedSpaceGroup}; best found after {stepsToBest} of {steps} steps", lines[2]);
        // The one node that ran the campaign, with every batch, then the results table.
        Assert.StartsWith("node ", lines[3]);
        var batches = System.Text.RegularExpressions.Regex.Match(campaign.Run.Output, @"done \(.*\) in .* s: (\d+) batches").Groups[1].Value;
        Assert.Matches($@"^127\.0\.0\.1:\d+ +campaign,worker +1 +{batches} +\S+ \S+ +ended$", lines[4]);
        Assert.StartsWith("rank ", lines[5]);
        Assert.Equal(8, lines.Length);
    }

    /// <summary>Status finds space groups only for the rows it shows (issue 17): a shorter table is the top of the full one, and the best keeps its group.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void StatusTopNIsTheFirstNRowsOfResultsTsvAndTheBestKeepsItsSpaceGroup(int n)
    {
        var results = campaign.Results;
        var json = LaqaProcess.Start(campaign.Root, "status", campaign.Dir, "--json", "--top", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, json.ExitCode);
        var status = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(results[0].RelaxedSpaceGroup, status.GetProperty("best").GetProperty("spaceGroup").GetString());
        var top = status.GetProperty("top").EnumerateArray().ToList();
        Assert.Equal(Math.Min(n, results.Count), top.Count);
        foreach (var (row, line) in results.Zip(top)) AssertSameRow(row, line);

        var text = LaqaProcess.Start(campaign.Root, "status", campaign.Dir, "--top", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, text.ExitCode);
        var lines = text.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"candidate {results[0].Id}, {results[0].RelaxedSpaceGroup};", lines[2]);
        var shown = lines.SkipWhile(l => !l.StartsWith("rank ", StringComparison.Ordinal)).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(Math.Min(n, results.Count), shown.Count);
        foreach (var ((row, fields), rank) in results.Zip(shown).Select((p, i) => (p, i + 1)))
            Assert.Equal([rank.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.InitialSpaceGroup, row.RelaxedSpaceGroup, row.Steps.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Status],
                [fields[0], fields[1], fields[2], fields[3], fields[5], fields[6]]);
    }

    [Fact]
    public void RankedRowsWithACountAreTheFirstRowsOfTheFullTableInTheOrderOfTheFullReplay()
    {
        var replay = Laqa.Engine.Journal.CampaignRecord.ReadFolder(campaign.Dir);
        using var model = Laqa.Engine.Journal.CampaignReadModel.Open(campaign.Dir, note => Assert.Fail(note));
        var all = ResultsTable.Rows(model.Ranked(int.MaxValue));
        Assert.Equal(replay.CandidateCount, all.Count);
        Assert.Equal(Laqa.Search.ResultsRanking.Rank(replay.Results, r => r.EnthalpyPerAtom, r => r.Id).Select(r => r.Id), all.Select(r => r.Id));
        foreach (var n in new[] { 0, 1, 3, all.Count, all.Count + 5 })
            Assert.Equal(all.Take(n), ResultsTable.Rows(model.Ranked(n)));
        foreach (var row in all)
            Assert.Equal(row, ResultsTable.Row(model.Candidate(row.Id)));
    }

    [Fact]
    public void DuringARunStatusSaysRunningASecondRunIsRefusedAndAfterAKillStatusSaysStopped()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("long.conf"), CampaignFolder.Config.Replace("initial-structures = 6", "initial-structures = 400")
            .Replace("fmax = 0.05", "fmax = 0.0001").Replace("max-steps-per-candidate = 300", "max-steps-per-candidate = 5000"));
        var start = new ProcessStartInfo(LaqaProcess.Dotnet)
        {
            WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { LaqaProcess.LaqaDll, "run", "long.conf", "--dir", "long" }) start.ArgumentList.Add(a);
        using var writer = Process.Start(start)!;
        JsonElement running = default;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90) && !writer.HasExited)
        {
            var probe = LaqaProcess.Start(folder.Path, "status", "long", "--json");
            if (probe.ExitCode == 0)
            {
                running = JsonDocument.Parse(probe.Output).RootElement;
                if (running.GetProperty("phase").GetString() == "searching" && running.GetProperty("batches").GetInt64() > 0) break;
            }
            Thread.Sleep(200);
        }
        Assert.False(writer.HasExited, "the campaign ended before status saw it searching");
        Assert.True(running.GetProperty("running").GetBoolean());
        var second = LaqaProcess.Start(folder.Path, "run", "long.conf", "--dir", "long");
        Assert.Equal(2, second.ExitCode);
        Assert.Equal("", second.Output);
        Assert.Contains("being run by another process", Assert.Single(second.ErrorLines));
        writer.Kill();
        writer.WaitForExit();

        var stopped = LaqaProcess.Start(folder.Path, "status", "long");
        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains("stopped; `laqa run` resumes it", stopped.Output);
    }

    [Theory]
    [InlineData("nowhere", "no such campaign folder")]
    [InlineData(".", "no campaign here")]
    public void AFolderWithoutACampaignIsOneLineAndExitCodeTwo(string dir, string expected)
    {
        using var folder = new TempFolder();
        var run = LaqaProcess.Start(folder.Path, "status", dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains(expected, Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("export")]
    public void ACampaignDbThatHoldsNoCampaignIsOneLineAndLeftAsItWas(string command)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("empty"));
        File.WriteAllBytes(folder.File("empty/campaign.db"), []);
        Directory.CreateDirectory(folder.File("other"));
        using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.File("other/campaign.db")};Pooling=False"))
        {
            other.Open();
            using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('another program''s database')";
            create.ExecuteNonQuery();
        }
        var otherBytes = File.ReadAllBytes(folder.File("other/campaign.db"));

        foreach (var dir in new[] { "empty", "other" })
        {
            var run = LaqaProcess.Start(folder.Path, command == "status" ? ["status", dir] : ["export", dir, "--top", "1", "--format", "cif", "--out", "out"]);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"laqa: error: {folder.File(dir)}: no campaign has started here", Assert.Single(run.ErrorLines));
            Assert.Equal([folder.File($"{dir}/campaign.db")], Directory.GetFileSystemEntries(folder.File(dir)));
        }
        Assert.Empty(File.ReadAllBytes(folder.File("empty/campaign.db")));
        Assert.Equal(otherBytes, File.ReadAllBytes(folder.File("other/campaign.db")));
        Assert.False(Directory.Exists(folder.File("out")));
    }

    private static void AssertSameRow(ResultsTsvRow row, JsonElement line)
    {
        Assert.Equal(row.Id, line.GetProperty("id").GetInt32());
        Assert.Equal(row.InitialSpaceGroup, line.GetProperty("initialSpaceGroup").GetString());
        Assert.Equal(row.RelaxedSpaceGroup, line.GetProperty("relaxedSpaceGroup").GetString());
        Assert.Equal(row.EnergyPerAtom, line.GetProperty("energyPerAtom").GetDouble());
        Assert.Equal(row.Steps, line.GetProperty("steps").GetInt32());
        Assert.Equal(row.TimesSelected, line.GetProperty("timesSelected").GetInt32());
        Assert.Equal(row.Status, line.GetProperty("status").GetString());
    }
}
