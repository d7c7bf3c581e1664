using System.Text.Json;
using Laqa.Engine.CrashHost;
using Laqa.Engine.Hosting;
using Laqa.Engine.Journal;
using Laqa.Engine.Serialization;
using Laqa.Search;
using Xunit;
using Xunit.Abstractions;

namespace Laqa.Engine.Tests;

public sealed class CrashResumeTests(ITestOutputHelper output)
{
    private const int Kills = 10;

    /// <summary>
    /// One worker holding a job queued behind the one it runs (the default prefetch of 1); the journal in
    /// the folder's SQLite file or in a PostgreSQL database, the reference campaign beside it in the same
    /// database. A killed PostgreSQL campaign resumes once its lease (2 s here) has expired.
    /// </summary>
    [Theory]
    [InlineData(LaqaMode.Sync, false)]
    [InlineData(LaqaMode.Async, false)]
    [InlineData(LaqaMode.Sync, true)]
    [InlineData(LaqaMode.Async, true)]
    public async Task CampaignKilledAtRandomMomentsEndsExactlyAsOneThatRanThrough(LaqaMode mode, bool postgres)
    {
        using var dir = new TempFolder();
        using var database = postgres ? new TestDatabase() : null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(postgres ? 5 : 3));
        var seed = Random.Shared.Next();
        output.WriteLine($"kill schedule seed {seed}");
        var random = new Random(seed);
        var crashed = new CrashHostOptions(dir.File("crashed"), Candidates: 12, Workers: 1, Seed: 5, Mode: mode, NSelect: 3,
            StepsPerBatch: 2, MaxForce: 0.001, DelayMs: 6, MaxTotalSteps: null, Prefetch: 1,
            PostgresEnv: database?.Publish(database.ConnectionString), Campaign: "crashed");
        var reference = crashed with { Directory = dir.File("reference"), Campaign = "reference" };
        CampaignJournal journal = postgres ? new PostgresJournal(crashed.PostgresEnv!, crashed.Campaign) : new SqliteJournal(Path.Combine(crashed.Directory, "campaign.db"));

        using var referenceRun = ChildCampaign.Start(reference);
        var kills = 0;
        ChildCampaign? previous = null;
        while (true)
        {
            // A PostgreSQL campaign refuses a second process until the killed one's lease has expired.
            while (kills > 0 && journal.IsRunning()) await Task.Delay(100, timeout.Token);
            using var child = ChildCampaign.Start(crashed);
            try
            {
                if (kills == Kills)
                {
                    Assert.Equal(0, await child.WaitForExitAsync(timeout.Token));
                    Assert.True(child.Done);
                    break;
                }
                await RunUntilKillMoment(child, random, timeout.Token);
                Assert.False(child.Done, $"the campaign finished after {kills} kills: make it longer");
            }
            catch
            {
                // What the child and the one before it logged says where a resume went wrong.
                if (previous is not null) WriteLog($"child {kills} (killed)", previous);
                WriteLog($"child {kills + 1}", child);
                throw;
            }
            await child.KillAsync();
            kills++;
            previous = child;
            output.WriteLine($"kill {kills} at {child.Batches} batches");
        }
        Assert.Equal(0, await referenceRun.WaitForExitAsync(timeout.Token));

        var expected = File.ReadAllText(Path.Combine(reference.Directory, "result.json"));
        var actual = File.ReadAllText(Path.Combine(crashed.Directory, "result.json"));
        var result = JsonSerializer.Deserialize<CampaignResult>(actual, LaqaJsonSerializer.CreateOptions())!;
        var expectedResult = JsonSerializer.Deserialize<CampaignResult>(expected, LaqaJsonSerializer.CreateOptions())!;
        Assert.True(result.Finished);
        Assert.Equal(expectedResult.History, result.History);
        foreach (var (e, a) in expectedResult.Candidates.Zip(result.Candidates))
        {
            Assert.Equal((e.Id, e.Status, e.Batches, e.Steps), (a.Id, a.Status, a.Batches, a.Steps));
            Assert.Equal(e.EnergiesPerAtom.Select(BitConverter.DoubleToInt64Bits), a.EnergiesPerAtom.Select(BitConverter.DoubleToInt64Bits));
        }
        Assert.Equal(expected, actual);

        var candidates = CandidateJournal.Read(journal);
        foreach (var c in result.Candidates) candidates[c.Id].AssertMatches(c);
    }

    private static async Task RunUntilKillMoment(ChildCampaign child, Random random, CancellationToken cancellationToken)
    {
        if (random.NextDouble() < 0.25)
        {
            // Anywhere in start-up, recovery or the first batches.
            await Task.Delay(random.Next(0, 2500), cancellationToken);
            return;
        }
        Assert.True(await child.WaitUntil(c => c.Running && c.Batches >= 0, cancellationToken), "child ended before running");
        var target = child.Batches + random.Next(1, 5);
        Assert.True(await child.WaitUntil(c => c.Batches >= target || c.Done, cancellationToken), "child ended without finishing");
        await Task.Delay(random.Next(0, 15), cancellationToken);
    }

    private void WriteLog(string title, ChildCampaign child)
    {
        output.WriteLine($"--- log of {title}, {child.Batches} batches seen ---");
        foreach (var line in child.Log) output.WriteLine(line);
    }
}
