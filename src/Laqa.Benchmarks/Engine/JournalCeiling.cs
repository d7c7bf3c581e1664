using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Journal;
using Npgsql;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// What the journal alone sustains, with the engine's own persistence set-up (Akka.Persistence.Sql on
/// SQLite or PostgreSQL, <see cref="EngineConfig.Setup(CampaignJournal, ClusterNode, string, Akka.Configuration.Config?)"/>): Writers persistent actors each persist EventsEach small
/// events one after the other (the next once the last is written), and the rate is events written per
/// second over the whole run. Every batch of a campaign needs a few such writes, so this bounds the
/// engine's persisted batches per second. ProcessorPerEvent: the process's processor time over the
/// measured run per event written.
/// </summary>
public sealed record JournalCeiling(int Writers, int Events, TimeSpan Elapsed, TimeSpan Processor)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public TimeSpan ProcessorPerEvent => Processor / Events;

    public static Task<JournalCeiling> MeasureAsync(string database, int writers, int eventsEach)
    {
        EngineConfig.PrepareSqlite(database);
        return MeasureAsync(EngineConfig.Setup(database), writers, eventsEach);
    }

    /// <summary>The same in campaign's schema of the <see cref="PostgresScratchDatabase"/> (created here, as a campaign's lease creates it).</summary>
    public static Task<JournalCeiling> MeasureOnPostgresAsync(string campaign, int writers, int eventsEach)
    {
        var journal = new PostgresJournal(PostgresScratchDatabase.Variable, campaign);
        using (var connection = journal.Open())
        using (var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {journal.Schema}", connection))
            command.ExecuteNonQuery();
        return MeasureAsync(EngineConfig.Setup(journal, ClusterNode.CampaignAndWorkers, "WARNING", null), writers, eventsEach);
    }

    private static async Task<JournalCeiling> MeasureAsync(Akka.Actor.Setup.ActorSystemSetup setup, int writers, int eventsEach)
    {
        using var system = ActorSystem.Create(EngineConfig.SystemName, setup);
        // One event per writer first, so table creation and JIT are outside the measurement.
        await RunAsync(system, writers, 1, "warm-up");
        var processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await RunAsync(system, writers, eventsEach, "measured");
        var elapsed = clock.Elapsed;
        var processor = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
        await system.Terminate();
        return new JournalCeiling(writers, writers * eventsEach, elapsed, processor);
    }

    private static Task RunAsync(ActorSystem system, int writers, int eventsEach, string stream)
    {
        var done = new CountdownEvent(writers);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < writers; i++)
            system.ActorOf(Props.Create(typeof(SequentialWriter), $"{stream}-{i}", eventsEach, (Action)(() =>
            {
                if (done.Signal()) finished.SetResult();
            })));
        return finished.Task;
    }

    private sealed class SequentialWriter : ReceivePersistentActor
    {
        private readonly string _persistenceId;
        private int _left;

        public SequentialWriter(string persistenceId, int events, Action finished)
        {
            _persistenceId = persistenceId;
            _left = events;
            Command<Write>(_ => Persist(new BatchDispatched(_left), _ =>
            {
                if (--_left == 0)
                {
                    finished();
                    Context.Stop(Self);
                }
                else Self.Tell(Write.Instance);
            }));
        }

        public override string PersistenceId => _persistenceId;

        protected override void PreStart() => Self.Tell(Write.Instance);
    }

    private sealed class Write
    {
        public static readonly Write Instance = new();
    }
}
