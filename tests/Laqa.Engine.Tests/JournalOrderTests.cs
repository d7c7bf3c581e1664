using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Journal;
using Laqa.Search;
using Laqa.Search.Campaign;
using Xunit;

namespace Laqa.Engine.Tests;

public sealed class JournalOrderTests
{
    /// <summary>
    /// Many candidates, each persisting BatchDispatched without waiting (PersistAsync) and then its batch's result, over
    /// 8 concurrent journal writers on PostgreSQL: read back from the database in the order the rows were inserted
    /// (the ordering column, an identity the server assigns at insert), every candidate's sequence numbers run 1, 2,
    /// 3, … without a gap, and its events say creation, then each batch dispatched before it completed, in batch order.
    /// </summary>
    [Fact]
    public async Task CandidateStreamsStayInOrderWithManyJournalWritersOnPostgres()
    {
        using var dir = new TempFolder();
        using var database = new TestDatabase();
        var campaign = new FakeCampaign(Seed: 3, Candidates: 300, StepsPerBatch: 2);
        var settings = campaign.Settings(workers: 8) with
        {
            Provider = PersistenceProvider.PostgreSql,
            PostgreSqlConnectionEnv = database.Publish(database.ConnectionString),
            CampaignName = "ordered",
            ConfigText = "akka.persistence.journal.sql.parallelism = 8",
        };

        var result = await CampaignHost.RunAsync(settings, dir.Path, campaign.Source, campaign.Relaxer);

        Assert.True(result.Finished);
        var journal = new PostgresJournal(settings.PostgreSqlConnectionEnv, settings.CampaignName);
        Assert.Empty(JournalChecks.EveryBatchAppliedOnce(journal));
        var streams = JournalFile.Read(journal)
            .Where(e => e.PersistenceId.StartsWith(CandidateActor.PersistenceIdPrefix, StringComparison.Ordinal))
            .GroupBy(e => e.PersistenceId)
            .ToList();
        Assert.Equal(campaign.Candidates, streams.Count);
        var batches = 0;
        foreach (var stream in streams)
        {
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(i => (long)i), stream.Select(e => e.SequenceNr));
            Assert.IsType<CandidateCreated>(stream.First().Event);
            var dispatched = -1;
            var completed = -1;
            foreach (var e in stream.Skip(1))
                switch (e.Event)
                {
                    case BatchDispatched d:
                        Assert.True(d.BatchNumber == dispatched + 1 && d.BatchNumber == completed + 1, $"{stream.Key}: batch {d.BatchNumber} dispatched after {dispatched} dispatched and {completed} completed");
                        dispatched = d.BatchNumber;
                        break;
                    case BatchCompleted c:
                        Assert.True(c.BatchNumber == dispatched && c.BatchNumber == completed + 1, $"{stream.Key}: batch {c.BatchNumber} completed after {dispatched} dispatched and {completed} completed");
                        completed = c.BatchNumber;
                        batches++;
                        break;
                }
        }
        Assert.Equal(result.Totals.Batches, batches);
    }
}
