using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>Candidates stopped by search.max-steps-per-candidate, as `laqa run`, `laqa status` and the tables show them.</summary>
public class StepLimitTests
{
    private const int MaxSteps = 10;

    // fmax 1e-4 eV/Å is out of reach in 10 Tersoff steps; rs with one worker and no job queued relaxes the candidates one after the other in id order.
    private const string Config = """
        laqa {
          composition = Si8
          initial-structures = 4
          seed = 8
          calculator.preset = si-tersoff
          relaxer { steps-per-batch = 5, fmax = 0.0001, smax = 0.2 }
          search { algorithm = rs, max-steps-per-candidate = 10 }
          workers { count = 1, prefetch = 0 }
        }
        """;

    [Fact]
    public void ACandidateStoppedByTheStepLimitIsStepLimitInResultsLaqaTableStatusAndTheBestLine()
    {
        using var folder = new TempFolder();
        var run = RunCampaign(folder);

        var results = ResultsTsvRow.Read(folder.File("campaign/results.tsv"));
        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.Equal(("StepLimit", MaxSteps), (r.Status, r.Steps)));

        var laqa = File.ReadAllLines(folder.File("campaign/laqa.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.All(laqa, f => Assert.Equal(("-Infinity", "StepLimit"), (f[1], f[6])));

        var status = JsonDocument.Parse(LaqaProcess.Start(folder.Path, "status", "campaign", "--json").Output).RootElement;
        Assert.Equal(4, status.GetProperty("atStepLimit").GetInt32());
        Assert.Equal(0, status.GetProperty("converged").GetInt32());
        Assert.All(status.GetProperty("top").EnumerateArray(), row => Assert.Equal("StepLimit", row.GetProperty("status").GetString()));

        // One candidate after the other: the best had its last batch when every candidate up to it had used its steps.
        var best = results[0].Id;
        var expected = $"best found after {results.Where(r => r.Id <= best).Sum(r => r.Steps)} of {results.Sum(r => r.Steps)} steps, stopped at the step limit without converging";
        Assert.Contains(expected, run.Output);
        Assert.Equal(expected, Regex.Match(LaqaProcess.Start(folder.Path, "status", "campaign").Output, "best found after [^\n]*").Value);
        Assert.DoesNotContain("not converged yet", run.Output);
    }

    [Fact]
    public void ABudgetThatIsNoMultipleOfTheBatchLengthIsMetExactly()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("campaign.conf"), Config.Replace("max-steps-per-candidate = 10", "max-steps-per-candidate = 7"));
        var run = LaqaProcess.Start(folder.Path, "run", "campaign.conf", "--dir", "campaign");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.All(ResultsTsvRow.Read(folder.File("campaign/results.tsv")), r => Assert.Equal(("StepLimit", 7), (r.Status, r.Steps)));
    }

    [Fact]
    public void AJournalWrittenBeforeTheStepBudgetWasKeptApartReadsItFromTheDefiningSettings()
    {
        using var folder = new TempFolder();
        RunCampaign(folder);
        var database = folder.File("campaign/campaign.db");
        var started = JsonDocument.Parse(CampaignStartedPayload(database)).RootElement;
        Assert.Equal(MaxSteps, started.GetProperty("MaxStepsPerCandidate").GetInt32());

        // The event as the previous version wrote it: fingerprint, candidate count and defining settings only.
        ReplaceCampaignStartedPayload(database, JsonSerializer.SerializeToUtf8Bytes(new
        {
            Fingerprint = started.GetProperty("Fingerprint").GetString(),
            CandidateCount = started.GetProperty("CandidateCount").GetInt32(),
            Settings = started.GetProperty("Settings").EnumerateArray().Select(s => s.GetString()).ToArray(),
        }));

        var status = JsonDocument.Parse(LaqaProcess.Start(folder.Path, "status", "campaign", "--json").Output).RootElement;
        Assert.Equal(4, status.GetProperty("atStepLimit").GetInt32());
        Assert.All(status.GetProperty("top").EnumerateArray(), row => Assert.Equal("StepLimit", row.GetProperty("status").GetString()));
        var resumed = LaqaProcess.Start(folder.Path, "run", "campaign.conf", "--dir", "campaign");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.All(ResultsTsvRow.Read(folder.File("campaign/results.tsv")), r => Assert.Equal("StepLimit", r.Status));
    }

    private static LaqaProcess.Run RunCampaign(TempFolder folder)
    {
        File.WriteAllText(folder.File("campaign.conf"), Config);
        var run = LaqaProcess.Start(folder.Path, "run", "campaign.conf", "--dir", "campaign");
        Assert.True(run.ExitCode == 0, run.Error);
        return run;
    }

    private static byte[] CampaignStartedPayload(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message FROM journal WHERE manifest = 'CampaignStarted'";
        return (byte[])command.ExecuteScalar()!;
    }

    private static void ReplaceCampaignStartedPayload(string database, byte[] payload)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE journal SET message = $payload WHERE manifest = 'CampaignStarted'";
        command.Parameters.AddWithValue("$payload", payload);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
