using System.Text.Json;
using Laqa.Engine.Campaign;
using Laqa.Engine.Hosting;
using Laqa.Engine.Journal;
using Laqa.Engine.Serialization;
using Laqa.Search;
using Laqa.Search.Campaign;
using Npgsql;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>
/// The read model kept in a PostgreSQL campaign's schema (a real server, <see cref="TestDatabase"/>): equal to a full replay
/// of the journal and to the model built in memory from it (the path of a reader without rights on the schema), when kept
/// during a run, caught up mid-campaign, caught up by racing keepers, and when a journal writer commits an ordering late.
/// </summary>
public sealed class PostgresReadModelTests
{
    [Fact]
    public async Task TheReadModelKeptDuringARunEqualsAFullReplayAndTheModelBuiltInMemory()
    {
        using var db = new TestDatabase();
        using var dir = new TempFolder();
        var (journal, settings, campaign) = Campaign(db, "kept", seed: 13, candidates: 12);
        var notes = new List<string>();
        CampaignResult result;
        using (new ReadModelKeeper(journal, TimeSpan.FromMilliseconds(20), notes.Add))
            result = await CampaignHost.RunAsync(settings with { Workers = 2 }, dir.Path, campaign.Source, campaign.Relaxer);

        Assert.Empty(notes);
        Assert.True(Convert.ToInt64(db.Scalar("SELECT position FROM laqa_kept.laqa_read_model")) > 0, "the keeper kept no model in the schema");
        Assert.Empty(ReadModelComparison.Differences(journal, notes.Add));
        Assert.Empty(notes);
        using var kept = CampaignReadModel.Open(journal, notes.Add);
        Assert.Equal(result.Totals, kept.Totals);
        using var inMemory = CampaignReadModel.Open(ReadOnly(db, journal), notes.Add);
        Assert.StartsWith("read model built in memory from the journal (the campaign's schema cannot be written: permission denied", Assert.Single(notes));
        Assert.Empty(ReadModelComparison.Between(inMemory, kept));
    }

    [Fact]
    public async Task ACampaignThatGoesOnAfterTheReadModelCaughtUpIsFoldedFromItsPosition()
    {
        using var db = new TestDatabase();
        using var dir = new TempFolder();
        var (journal, settings, campaign) = Campaign(db, "resumed", seed: 9, candidates: 8);
        await CampaignHost.RunAsync(settings with { MaxTotalSteps = 40 }, dir.Path, campaign.Source, campaign.Relaxer);
        var notes = new List<string>();
        Assert.Empty(ReadModelComparison.Differences(journal, notes.Add));
        Assert.Equal("read model rebuilt from the journal (none was there)", Assert.Single(notes));
        var position = Convert.ToInt64(db.Scalar("SELECT position FROM laqa_resumed.laqa_read_model"));

        await CampaignHost.RunAsync(settings, dir.Path, campaign.Source, campaign.Relaxer);
        Assert.Empty(ReadModelComparison.Differences(journal, note => Assert.Fail(note)));
        Assert.True(Convert.ToInt64(db.Scalar("SELECT position FROM laqa_resumed.laqa_read_model")) > position);
        using var kept = CampaignReadModel.Open(journal, note => Assert.Fail(note));
        using var inMemory = CampaignReadModel.Open(ReadOnly(db, journal), _ => { });
        Assert.Equal(CampaignPhase.Done, kept.Phase);
        Assert.Empty(ReadModelComparison.Between(inMemory, kept));
    }

    [Fact]
    public async Task ThreeKeepersCatchingUpAtOnceFoldEveryEventOnce()
    {
        using var db = new TestDatabase();
        using var dir = new TempFolder();
        var (journal, settings, campaign) = Campaign(db, "raced", seed: 6, candidates: 7);
        await CampaignHost.RunAsync(settings with { Workers = 2 }, dir.Path, campaign.Source, campaign.Relaxer);
        var rebuilds = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            using var model = ReadModelUpdater.Connect(journal);
            return ReadModelUpdater.CatchUp(journal, model, eventsPerStep: 3);
        })));
        Assert.Single(rebuilds, r => r is not null);
        Assert.Empty(ReadModelComparison.Differences(journal, note => Assert.Fail(note)));
    }

    [Fact]
    public async Task AnEventCommittedAfterAGreaterOrderingIsFoldedInTheJournalOrder()
    {
        using var db = new TestDatabase();
        using var dir = new TempFolder();
        var (journal, settings, campaign) = Campaign(db, "late", seed: 4, candidates: 5);
        await CampaignHost.RunAsync(settings, dir.Path, campaign.Source, campaign.Relaxer);
        using (var model = ReadModelUpdater.Connect(journal)) ReadModelUpdater.CatchUp(journal, model);

        // Two nodes join: the first takes its ordering, the second takes the next and commits first.
        var sequence = Convert.ToInt64(db.Scalar($"SELECT max(sequence_number) FROM laqa_late.journal WHERE persistence_id = '{CampaignActor.Id}'"));
        await using var late = new NpgsqlConnection(db.ConnectionString);
        await late.OpenAsync();
        await using var lateWrite = await late.BeginTransactionAsync();
        Append(late, sequence + 1, new NodeJoined("10.0.0.1:4053", ["campaign"], 0, DateTimeOffset.UnixEpoch));
        db.Execute(AppendSql(sequence + 2, new NodeJoined("10.0.0.2:4053", ["campaign"], 0, DateTimeOffset.UnixEpoch.AddSeconds(1))));

        var catchUp = Task.Run(() =>
        {
            using var model = ReadModelUpdater.Connect(journal);
            return ReadModelUpdater.CatchUp(journal, model);
        });
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(catchUp.IsCompleted, "the catch-up went past an ordering not yet committed");
        await lateWrite.CommitAsync();
        Assert.Null(await catchUp);

        Assert.Empty(ReadModelComparison.Differences(journal, note => Assert.Fail(note)));
        using var kept = CampaignReadModel.Open(journal, note => Assert.Fail(note));
        Assert.Equal(["10.0.0.1:4053", "10.0.0.2:4053"], kept.Nodes.TakeLast(2).Select(n => n.Address));
        Assert.Equal("gone with the previous run", kept.Nodes[^2].How);
    }

    private static (PostgresJournal Journal, EngineSettings Settings, FakeCampaign Campaign) Campaign(TestDatabase db, string name, int seed, int candidates)
    {
        var campaign = new FakeCampaign(Seed: seed, Candidates: candidates, StepsPerBatch: 3);
        var variable = db.Publish(db.ConnectionString);
        var settings = campaign.Settings(workers: 1, mode: LaqaMode.Sync, nselect: 3) with
        {
            Provider = PersistenceProvider.PostgreSql, PostgreSqlConnectionEnv = variable, CampaignName = name,
        };
        return (new PostgresJournal(variable, name), settings, campaign);
    }

    /// <summary>The journal as a role that may read the campaign's schema and write nothing.</summary>
    private static PostgresJournal ReadOnly(TestDatabase db, PostgresJournal journal)
    {
        var role = db.Role(mayCreate: false);
        db.Execute($"GRANT USAGE ON SCHEMA {journal.Schema} TO {role.Name}; GRANT SELECT ON ALL TABLES IN SCHEMA {journal.Schema} TO {role.Name}");
        return journal with { ConnectionEnv = db.Publish(role.ConnectionString) };
    }

    private static void Append(NpgsqlConnection connection, long sequence, ILaqaMessage message)
    {
        using var command = new NpgsqlCommand(AppendSql(sequence, message), connection);
        command.ExecuteNonQuery();
    }

    /// <summary>An event of the campaign actor, as Akka.Persistence.Sql writes it.</summary>
    private static string AppendSql(long sequence, ILaqaMessage message)
    {
        var payload = Convert.ToHexString(JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), LaqaJsonSerializer.CreateOptions()));
        return "INSERT INTO laqa_late.journal (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid) " +
               $"VALUES ({DateTime.UtcNow.Ticks}, false, '{CampaignActor.Id}', {sequence}, '\\x{payload}'::bytea, '{message.GetType().Name}', " +
               $"{LaqaJsonSerializer.SerializerId}, 'test')";
    }
}
