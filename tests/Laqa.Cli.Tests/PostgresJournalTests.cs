using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>
/// `laqa run`, `status` and `export` on a real PostgreSQL server (<see cref="TestDatabase"/>): campaigns
/// sharing a database, the lease that tells a running campaign from a stopped one, and bad input (a
/// missing variable, a wrong password, no server, no rights, a name taken by another config), each one
/// line with exit code 2, nothing written and never the connection string or its password.
/// </summary>
public class PostgresJournalTests
{
    private static readonly TimeSpan RunWithin = TimeSpan.FromMinutes(5);

    internal static string Config(string variable, string extra = "") => CampaignFolder.Config + $$"""

        laqa.persistence { provider = postgresql, postgresql-connection-env = {{variable}} }
        {{extra}}
        """;

    internal static string LongConfig(string variable) => Config(variable).Replace("initial-structures = 6", "initial-structures = 400")
        .Replace("fmax = 0.05", "fmax = 0.0001").Replace("max-steps-per-candidate = 300", "max-steps-per-candidate = 5000");

    [Fact]
    public void TwoCampaignsRunAtOnceInOneDatabaseAndEachReadsOnlyItsOwnEvents()
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var variable = db.Publish(db.ConnectionString);
        File.WriteAllText(folder.File("a.conf"), Config(variable));
        File.WriteAllText(folder.File("b.conf"), Config(variable, "laqa.seed = 9"));

        using (var a = LaqaChild.Start(folder.Path, "run", "a.conf", "--dir", "a"))
        using (var b = LaqaChild.Start(folder.Path, "run", "b.conf", "--dir", "b"))
        {
            a.WaitForExit(RunWithin);
            b.WaitForExit(RunWithin);
            Assert.True(a.ExitCode == 0, a.Output);
            Assert.True(b.ExitCode == 0, b.Output);
            AssertNeverPrinted(db.Password, a.Output, b.Output);
        }
        Assert.Equal(6L, db.Scalar("SELECT count(DISTINCT persistence_id) FROM laqa_a.journal WHERE persistence_id LIKE 'candidate-%'"));
        Assert.Equal(6L, db.Scalar("SELECT count(DISTINCT persistence_id) FROM laqa_b.journal WHERE persistence_id LIKE 'candidate-%'"));

        // One worker makes each campaign reproducible: each ends as its twin on SQLite, alone in its folder.
        foreach (var name in new[] { "a", "b" })
        {
            File.WriteAllText(folder.File($"{name}-sqlite.conf"), File.ReadAllText(folder.File($"{name}.conf")).Replace("provider = postgresql", "provider = sqlite"));
            var twin = LaqaProcess.Start(folder.Path, "run", $"{name}-sqlite.conf", "--dir", $"{name}-sqlite");
            Assert.True(twin.ExitCode == 0, twin.Output + twin.Error);
            Assert.Equal(File.ReadAllText(folder.File($"{name}-sqlite/results.tsv")), File.ReadAllText(folder.File($"{name}/results.tsv")));
            Assert.Equal(File.ReadAllText(folder.File($"{name}-sqlite/laqa.tsv")), File.ReadAllText(folder.File($"{name}/laqa.tsv")));

            var byFolder = LaqaProcess.Start(folder.Path, "status", name, "--json");
            var byName = LaqaProcess.Start(folder.Path, "status", "--campaign", name, "--postgres-env", variable, "--json");
            var sqlite = LaqaProcess.Start(folder.Path, "status", $"{name}-sqlite", "--json");
            Assert.True(byFolder.ExitCode == 0, byFolder.Error);
            Assert.True(byName.ExitCode == 0, byName.Error);
            Assert.Equal(Top(sqlite.Output), Top(byFolder.Output));
            Assert.Equal(Top(sqlite.Output), Top(byName.Output));
            Assert.Equal("done", JsonDocument.Parse(byName.Output).RootElement.GetProperty("phase").GetString());
            var export = LaqaProcess.Start(folder.Path, "export", name, "--top", "2", "--format", "cif", "--out", $"{name}-best");
            Assert.True(export.ExitCode == 0, export.Error);
            Assert.Equal(2, Directory.GetFiles(folder.File($"{name}-best")).Length);
            AssertNeverPrinted(db.Password, byFolder.Output, byFolder.Error, byName.Output, byName.Error, export.Output, export.Error);
        }
    }

    [Fact]
    public void AWrongPasswordIsOneLineNamingTheVariableAndNeverThePassword()
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var wrong = $"wrong-{Guid.NewGuid():N}";
        var variable = db.Publish(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Password = wrong }.ConnectionString);
        File.WriteAllText(folder.File("si8.conf"), Config(variable));

        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        var status = LaqaProcess.Start(folder.Path, "status", "--campaign", "si8", "--postgres-env", variable);
        foreach (var refused in new[] { run, status })
        {
            Assert.Equal(2, refused.ExitCode);
            Assert.Equal("", refused.Output);
            var line = Assert.Single(refused.ErrorLines);
            Assert.Contains($"campaign si8 (PostgreSQL, ${variable}): password authentication failed", line);
            AssertNeverPrinted(wrong, refused.Output, refused.Error);
            AssertNeverPrinted(db.Password, refused.Output, refused.Error);
        }
        AssertNothingWritten(db, folder);
    }

    [Fact]
    public void AMissingVariableIsOneLineNamingIt()
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si8.conf"), Config("LAQA_TEST_PG_NEVER_SET"));

        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the environment variable LAQA_TEST_PG_NEVER_SET is not set", Assert.Single(run.ErrorLines));
        AssertNothingWritten(db, folder);
    }

    [Fact]
    public void AnUnreachableServerIsOneLineAndNothingIsWritten()
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var variable = db.Publish(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Port = FreePort.Next() }.ConnectionString);
        File.WriteAllText(folder.File("si8.conf"), Config(variable));

        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"campaign si8 (PostgreSQL, ${variable}): cannot reach the server", Assert.Single(run.ErrorLines));
        AssertNeverPrinted(db.Password, run.Output, run.Error);
        AssertNothingWritten(db, folder);
    }

    [Fact]
    public void AUserWithoutTheRightToCreateTablesIsOneLineAndNothingIsWritten()
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var restricted = db.Role(mayCreate: false);
        var variable = db.Publish(restricted.ConnectionString);
        File.WriteAllText(folder.File("si8.conf"), Config(variable));

        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"campaign si8 (PostgreSQL, ${variable}): the database user may not create the campaign's tables", Assert.Single(run.ErrorLines));
        AssertNeverPrinted(restricted.Password, run.Output, run.Error);
        AssertNothingWritten(db, folder);
    }

    [Fact]
    public void AServerThatShutsTheCampaignOutMidRunNeverMakesItPrintTheSecret()
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var role = db.Role(mayCreate: true);
        var variable = db.Publish(role.ConnectionString);
        File.WriteAllText(folder.File("long.conf"), LongConfig(variable));

        using var laqa = LaqaChild.Start(folder.Path, "run", "long.conf", "--dir", "long");
        WaitForStatus(folder, s => s.GetProperty("running").GetBoolean() && s.GetProperty("batches").GetInt64() > 0);
        // The journal's connections are cut and its next logins refused: Akka logs the failed writes and recoveries.
        db.Execute($"ALTER ROLE {role.Name} PASSWORD 'changed-{Guid.NewGuid():N}'");
        db.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role.Name}'");
        Assert.True(laqa.WaitForLine(l => l.StartsWith("[ERROR]", StringComparison.Ordinal), TimeSpan.FromSeconds(90)), laqa.Output);
        Thread.Sleep(TimeSpan.FromSeconds(3));
        laqa.Kill();
        AssertNeverPrinted(role.Password, laqa.Output);
        AssertNeverPrinted(role.ConnectionString, laqa.Output);
    }

    /// <summary>
    /// A campaign node frozen (or cut off) inside a journal write holds the row it inserted; the node that took over
    /// inserts the same key (the same candidate's next event) and waits on it. The server must end the frozen session.
    /// </summary>
    [Fact]
    public void ASessionLeftInsideATransactionIsEndedByTheServerAndFreesTheRowItHeld()
    {
        using var db = new TestDatabase();
        var journal = new Laqa.Engine.Journal.PostgresJournal(db.Publish(db.ConnectionString), "frozen");
        db.Execute("CREATE TABLE events (persistence_id text, sequence_nr bigint, PRIMARY KEY (persistence_id, sequence_nr))");
        using var frozen = journal.Open();
        using var begun = frozen.BeginTransaction();
        using (var insert = new NpgsqlCommand("INSERT INTO events VALUES ('candidate-4', 2)", frozen, begun)) insert.ExecuteNonQuery();

        using var survivor = journal.Open();
        var clock = Stopwatch.StartNew();
        using (var insert = new NpgsqlCommand("INSERT INTO events VALUES ('candidate-4', 2)", survivor) { CommandTimeout = 120 })
            Assert.Equal(1, insert.ExecuteNonQuery());
        Assert.InRange(clock.Elapsed, Laqa.Engine.Journal.PostgresJournal.IdleInTransactionTimeout * 0.9, TimeSpan.FromSeconds(100));
        using var after = new NpgsqlCommand("SELECT 1", frozen, begun);
        Assert.ThrowsAny<Exception>(() => after.ExecuteScalar());
    }

    [Fact]
    public void ACampaignNameHeldByAnotherConfigIsRefusedAndItsEventsAreUntouched()
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var variable = db.Publish(db.ConnectionString);
        File.WriteAllText(folder.File("first.conf"), Config(variable, "laqa.persistence.campaign-name = shared"));
        File.WriteAllText(folder.File("second.conf"), Config(variable, "laqa.persistence.campaign-name = shared\nlaqa.seed = 9"));
        Assert.Equal(0, LaqaProcess.Start(folder.Path, "run", "first.conf", "--dir", "first").ExitCode);
        const string journal = "SELECT count(*) || ' ' || max(ordering) || ' ' || sum(length(message)) FROM laqa_shared.journal";
        var before = db.Scalar(journal);

        var second = LaqaProcess.Start(folder.Path, "run", "second.conf", "--dir", "second");
        Assert.Equal(2, second.ExitCode);
        Assert.Contains($"campaign shared (PostgreSQL, ${variable}) holds another campaign: laqa.seed is 8 there, 9 in this config", Assert.Single(second.ErrorLines));
        Assert.Equal(before, db.Scalar(journal));
        Assert.False(Directory.Exists(folder.File("second")));
    }

    [Fact]
    public void AFolderIsRunWithTheJournalItWasFirstRunWithOnly()
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var variable = db.Publish(db.ConnectionString);
        File.WriteAllText(folder.File("sqlite.conf"), CampaignFolder.Config);
        File.WriteAllText(folder.File("postgres.conf"), Config(variable));
        File.WriteAllText(folder.File("renamed.conf"), Config(variable, "laqa.persistence.campaign-name = other"));
        Assert.Equal(0, LaqaProcess.Start(folder.Path, "run", "sqlite.conf", "--dir", "on-sqlite").ExitCode);
        Assert.Equal(0, LaqaProcess.Start(folder.Path, "run", "postgres.conf", "--dir", "on-postgres").ExitCode);

        foreach (var (config, dir) in new[] { ("postgres.conf", "on-sqlite"), ("sqlite.conf", "on-postgres"), ("renamed.conf", "on-postgres") })
        {
            var refused = LaqaProcess.Start(folder.Path, "run", config, "--dir", dir);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains($"{dir} holds the campaign of ", Assert.Single(refused.ErrorLines));
        }
        Assert.Equal(0L, db.Scalar("SELECT count(*) FROM pg_namespace WHERE nspname IN ('laqa_on_sqlite', 'laqa_other')"));
        Assert.False(File.Exists(folder.File("on-postgres/campaign.db")));
    }

    [Fact]
    public void ASecondRunOfALiveCampaignJoinsItAndOnceBothAreKilledTheLeaseExpiresAndItResumes()
    {
        using var db = new TestDatabase();
        using var folder = new TempFolder();
        var variable = db.Publish(db.ConnectionString);
        File.WriteAllText(folder.File("long.conf"), LongConfig(variable));

        long batches;
        using (var first = LaqaChild.Start(folder.Path, "run", "long.conf", "--dir", "long"))
        {
            var running = WaitForStatus(folder, s => s.GetProperty("phase").GetString() == "searching" && s.GetProperty("batches").GetInt64() > 0);
            Assert.True(running.GetProperty("running").GetBoolean());
            using var second = LaqaChild.Start(folder.Path, "run", "long.conf", "--dir", "long");
            Assert.True(second.WaitForLine(l => l.Contains(": joined the campaign's cluster at 127.0.0.1:") && l.EndsWith("as a further campaign node (it takes over if the others stop)"),
                TimeSpan.FromSeconds(60)), second.Output);
            first.Kill();
            second.Kill();
            batches = running.GetProperty("batches").GetInt64();
        }

        // No node renews the lease: within its 10 s the campaign counts as stopped, and resumes.
        var clock = Stopwatch.StartNew();
        WaitForStatus(folder, s => s.GetProperty("phase").GetString() == "stopped");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"stopped only after {clock.Elapsed}");
        using var resumed = LaqaChild.Start(folder.Path, "run", "long.conf", "--dir", "long");
        var again = WaitForStatus(folder, s => s.GetProperty("running").GetBoolean() && s.GetProperty("batches").GetInt64() > batches);
        Assert.Equal("searching", again.GetProperty("phase").GetString());
        resumed.Signal(UnixSignal.SIGTERM);
        resumed.WaitForExit(TimeSpan.FromSeconds(60));
        Assert.True(resumed.ExitCode == 128 + UnixSignal.SIGTERM, resumed.Output);
        Assert.Equal("stopped", WaitForStatus(folder, _ => true).GetProperty("phase").GetString());
    }

    private static JsonElement WaitForStatus(TempFolder folder, Func<JsonElement, bool> until)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            var probe = LaqaProcess.Start(folder.Path, "status", "long", "--json", "--top", "0");
            last = probe.Output + probe.Error;
            if (probe.ExitCode == 0 && JsonDocument.Parse(probe.Output).RootElement is var status && until(status)) return status;
            Thread.Sleep(300);
        }
        Assert.Fail($"status never became what was awaited; last: {last}");
        return default;
    }

    private static string Top(string statusJson)
    {
        var status = JsonDocument.Parse(statusJson).RootElement;
        return string.Join(" ", status.GetProperty("steps"), status.GetProperty("batches"), status.GetProperty("top"));
    }

    private static void AssertNeverPrinted(string secret, params string[] outputs)
    {
        foreach (var line in outputs.SelectMany(o => o.Split('\n')))
            Assert.False(line.Contains(secret, StringComparison.Ordinal), $"printed a secret: {line}");
    }

    /// <summary>No campaign folder, and no schema in the database.</summary>
    private static void AssertNothingWritten(TestDatabase db, TempFolder folder)
    {
        Assert.False(Directory.Exists(folder.File("si8")));
        Assert.Equal(0L, db.Scalar("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'laqa%'"));
    }
}
