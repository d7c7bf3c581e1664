using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>
/// `laqa status` of a PostgreSQL campaign reads the read model that `laqa run` keeps in the campaign's schema (a real server,
/// <see cref="TestDatabase"/>), during and after a run, and prints what the model built in memory from the whole journal
/// prints (the path of a role that may only read the schema).
/// </summary>
public class PostgresStatusTests
{
    [Fact]
    public void StatusReadsTheModelTheRunKeepsInTheCampaignSchemaAndAgreesWithTheJournal()
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var variable = db.Publish(db.ConnectionString);
        File.WriteAllText(folder.File("long.conf"), PostgresJournalTests.LongConfig(variable));
        string[] status = ["status", "--campaign", "long", "--postgres-env", variable, "--json", "--top", "3"];

        using (var run = LaqaChild.Start(folder.Path, "run", "long.conf", "--dir", "long"))
        {
            // The run's keeper (every 5 s) made the model and moves it on.
            var first = WaitFor(db, position => position > 0);
            WaitFor(db, position => position > first);
            var during = LaqaProcess.Start(folder.Path, status);
            Assert.True(during.ExitCode == 0, during.Error);
            Assert.Equal("", during.Error);
            var json = JsonDocument.Parse(during.Output).RootElement;
            Assert.True(json.GetProperty("running").GetBoolean());
            Assert.Contains(json.GetProperty("phase").GetString(), (string[])["generating", "searching"]);
            run.Signal(UnixSignal.SIGTERM);
            run.WaitForExit(TimeSpan.FromSeconds(60));
            Assert.True(run.ExitCode == 128 + UnixSignal.SIGTERM, run.Output);
        }

        var after = LaqaProcess.Start(folder.Path, status);
        Assert.True(after.ExitCode == 0, after.Error);
        Assert.Equal("", after.Error);
        Assert.Equal("stopped", JsonDocument.Parse(after.Output).RootElement.GetProperty("phase").GetString());

        var reader = db.Role(mayCreate: false);
        db.Execute($"GRANT USAGE ON SCHEMA laqa_long TO {reader.Name}; GRANT SELECT ON ALL TABLES IN SCHEMA laqa_long TO {reader.Name}");
        var readOnly = LaqaProcess.Start(folder.Path, [.. status.Select(a => a == variable ? db.Publish(reader.ConnectionString) : a)]);
        Assert.True(readOnly.ExitCode == 0, readOnly.Error);
        Assert.Contains("read model built in memory from the journal (the campaign's schema cannot be written: permission denied", readOnly.Error);
        Assert.Equal(after.Output, readOnly.Output);
    }

    /// <summary>The position of the model in the campaign's schema once it satisfies until.</summary>
    private static long WaitFor(TestDatabase db, Func<long, bool> until)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            var exists = db.Scalar("SELECT to_regclass('laqa_long.laqa_read_model') IS NOT NULL") is true;
            if (exists && Convert.ToInt64(db.Scalar("SELECT position FROM laqa_long.laqa_read_model")) is var position && until(position)) return position;
            Thread.Sleep(300);
        }
        Assert.Fail("the run kept no read model in the campaign's schema");
        return 0;
    }
}
