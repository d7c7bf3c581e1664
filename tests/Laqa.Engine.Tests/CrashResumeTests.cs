using System.Text.Json;
using Laqa.Engine.CrashHost;
using Laqa.Engine.Hosting;
using Laqa.Engine.Serialization;
using Laqa.Search;
using Xunit;
using Xunit.Abstractions;

namespace Laqa.Engine.Tests;

public sealed class CrashResumeTests(ITestOutputHelper output)
{
    private const int Kills = 10;

    /// <summary>One worker holding a job queued behind the one it runs (the default prefetch of 1).</summary>
    [Theory]
    [InlineData(LaqaMode.Sync)]
    [InlineData(LaqaMode.Async)]
    public async Task Campaign_killed_at_random_moments_ends_exactly_as_one_that_ran_through(LaqaMode mode)
    {
        using var dir = new TempDirectory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var seed = Random.Shared.Next();
        output.WriteLine($"kill schedule seed {seed}");
        var random = new Random(seed);
        var crashed = new CrashHostOptions(dir.Sub("crashed"), Candidates: 12, Workers: 1, Seed: 5, Mode: mode, NSelect: 3,
            StepsPerBatch: 2, MaxForce: 0.001, DelayMs: 6, MaxTotalSteps: null, Prefetch: 1);
        var reference = crashed with { Directory = dir.Sub("reference") };

        using var referenceRun = ChildCampaign.Start(reference);
        var kills = 0;
        while (true)
        {
            using var child = ChildCampaign.Start(crashed);
            if (kills == Kills)
            {
                Assert.Equal(0, await child.WaitForExitAsync(timeout.Token));
                Assert.True(child.Done);
                break;
            }
            if (random.NextDouble() < 0.25)
            {
                // Anywhere in start-up, recovery or the first batches.
                await Task.Delay(random.Next(0, 2500), timeout.Token);
            }
            else
            {
                Assert.True(await child.WaitUntil(c => c.Running && c.Batches >= 0, timeout.Token), "child ended before running");
                var target = child.Batches + random.Next(1, 5);
                Assert.True(await child.WaitUntil(c => c.Batches >= target || c.Done, timeout.Token), "child ended without finishing");
                await Task.Delay(random.Next(0, 15), timeout.Token);
            }
            Assert.False(child.Done, $"the campaign finished after {kills} kills: make it longer");
            await child.KillAsync();
            kills++;
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

        var journal = CandidateJournal.Read(Path.Combine(crashed.Directory, "campaign.db"));
        foreach (var c in result.Candidates) journal[c.Id].AssertMatches(c);
    }
}
