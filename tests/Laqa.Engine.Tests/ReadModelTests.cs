using Laqa.Crystal;
using Laqa.Engine.Hosting;
using Laqa.Engine.Journal;
using Laqa.Search;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Laqa.Engine.Tests;

public sealed class ReadModelTests
{
    [Fact]
    public async Task TheReadModelKeptUpToDateDuringARunEqualsAFullReplayOfTheJournal()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 13, Candidates: 12, StepsPerBatch: 3);
        var settings = campaign.Settings(workers: 2, mode: LaqaMode.Sync, nselect: 3);
        var notes = new List<string>();
        CampaignResult result;
        using (new ReadModelKeeper(new SqliteJournal(CampaignHost.DatabaseOf(settings, dir.Path)), TimeSpan.FromMilliseconds(20), notes.Add))
            result = await CampaignHost.RunAsync(settings, dir.Path, campaign.Source, campaign.Relaxer);

        Assert.Empty(notes);
        Assert.Empty(ReadModelComparison.Differences(dir.Path, notes.Add));
        Assert.Empty(notes);
        using var model = CampaignReadModel.Open(dir.Path, notes.Add);
        Assert.Equal(result.Totals, model.Totals);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(ReadModelUpdater.EventsPerStep)]
    public async Task FoldingTheJournalAFewEventsAtATimeEqualsAFullReplay(int eventsPerStep)
    {
        using var dir = await FinishedCampaign(seed: 5);
        var database = dir.File("campaign.db");
        using (var model = ReadModelUpdater.Connect(database))
            Assert.Equal("read model rebuilt from the journal (none was there)", ReadModelUpdater.CatchUp(new SqliteJournal(database), model, eventsPerStep));
        Assert.Empty(ReadModelComparison.Differences(dir.Path, note => Assert.Fail(note)));
    }

    [Fact]
    public async Task ThreeConnectionsCatchingUpAtOnceFoldEveryEventOnce()
    {
        using var dir = await FinishedCampaign(seed: 6);
        var database = dir.File("campaign.db");
        var rebuilds = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            using var model = ReadModelUpdater.Connect(database);
            return ReadModelUpdater.CatchUp(new SqliteJournal(database), model, eventsPerStep: 3);
        })));
        Assert.InRange(rebuilds.Count(r => r is not null), 1, 3);
        Assert.Empty(ReadModelComparison.Differences(dir.Path, note => Assert.Fail(note)));
    }

    [Theory]
    [InlineData("UPDATE laqa_read_model SET version = 0", "was version 0, this laqa keeps version 2")]
    [InlineData("UPDATE laqa_read_model SET position = 1000000", "its position 1000000 is not an event of this journal")]
    [InlineData("DROP TABLE laqa_read_model", "none was there")]
    public async Task AReadModelOfAnotherVersionOrJournalIsRebuiltWithALineAndEqualsAFullReplay(string damage, string reason)
    {
        using var dir = await FinishedCampaign(seed: 7);
        var database = dir.File("campaign.db");
        using (var model = ReadModelUpdater.Connect(database))
        {
            ReadModelUpdater.CatchUp(new SqliteJournal(database), model);
            // A wrong answer should it not be rebuilt: the counts of candidate 0 are gone.
            Execute(model, "UPDATE laqa_candidates SET steps = 0, times_selected = 0 WHERE id = 0; " + damage);
        }
        var notes = new List<string>();
        Assert.Empty(ReadModelComparison.Differences(dir.Path, notes.Add));
        Assert.Equal($"read model rebuilt from the journal ({reason})", Assert.Single(notes));
    }

    [Fact]
    public async Task ACampaignThatGoesOnAfterTheReadModelCaughtUpIsFoldedFromItsPosition()
    {
        using var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: 9, Candidates: 8, StepsPerBatch: 2);
        var first = campaign.Settings(workers: 1, maxTotalSteps: 40);
        await CampaignHost.RunAsync(first, dir.Path, campaign.Source, campaign.Relaxer);
        var notes = new List<string>();
        Assert.Empty(ReadModelComparison.Differences(dir.Path, notes.Add));
        Assert.Single(notes);

        await CampaignHost.RunAsync(first with { MaxTotalSteps = null }, dir.Path, campaign.Source, campaign.Relaxer);
        Assert.Empty(ReadModelComparison.Differences(dir.Path, note => Assert.Fail(note)));
    }

    [Fact]
    public async Task AJournalWithADamagedEventIsBadInput()
    {
        using var dir = await FinishedCampaign(seed: 4);
        using (var connection = new SqliteConnection($"Data Source={dir.File("campaign.db")};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "UPDATE journal SET message = x'7b2278' WHERE ordering = (SELECT max(ordering) FROM journal)");
        }
        var error = Assert.Throws<LaqaInputException>(() => CampaignReadModel.Open(dir.Path, _ => { }));
        Assert.Contains("the journal cannot be read", error.Message);
    }

    [Fact]
    public void AFolderWithoutACampaignIsBadInput()
    {
        using var dir = new TempFolder();
        Assert.Contains("no campaign here", Assert.Throws<LaqaInputException>(() => CampaignReadModel.Open(dir.Path, _ => { })).Message);
        Assert.Contains("no such campaign folder", Assert.Throws<LaqaInputException>(() => CampaignReadModel.Open(dir.File("missing"), _ => { })).Message);
        File.WriteAllText(dir.File("campaign.db"), "not a database");
        Assert.Contains("not a campaign journal", Assert.Throws<LaqaInputException>(() => CampaignReadModel.Open(dir.Path, _ => { })).Message);
    }

    private static async Task<TempFolder> FinishedCampaign(int seed)
    {
        var dir = new TempFolder();
        var campaign = new FakeCampaign(Seed: seed, Candidates: 7, StepsPerBatch: 3);
        await CampaignHost.RunAsync(campaign.Settings(workers: 2), dir.Path, campaign.Source, campaign.Relaxer);
        return dir;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
