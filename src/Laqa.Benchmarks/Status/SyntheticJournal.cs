using System.Data.Common;
using System.Text.Json;
using Laqa.Calculators.Relaxation;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Selection;
using Laqa.Engine.Serialization;
using Laqa.Search;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Laqa.Benchmarks.Status;

/// <summary>
/// Writes a campaign's journal directly, row by row through the engine's own serializer, as Akka.Persistence.Sql lays it
/// out on SQLite or in a PostgreSQL campaign's schema: a campaign of a hundred thousand candidates in a minute instead of hours of relaxation. Si8 diamond cells
/// shaken per candidate; each candidate gets BatchesEach batches of 5 steps (each chosen by a selection of 10), with
/// energies drawn at random, then converges. A running campaign's last tenth has not converged and goes on with
/// <see cref="AppendBatch"/>.
/// </summary>
public sealed class SyntheticJournal : IDisposable
{
    public const int BatchesEach = 2;
    private const int StepsPerBatch = 5;
    private const int PerSelection = 10;

    // The journal table as Akka.Persistence.Sql 1.5 creates it on SQLite (its auto-initialize).
    private const string Schema = """
        CREATE TABLE [journal] ([ordering] INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, [created] INTEGER NOT NULL, [deleted] Bit NOT NULL,
          [persistence_id] NVarChar(255) NOT NULL, [sequence_number] INTEGER NOT NULL, [message] VarBinary NOT NULL, [tags] NVarChar(100) NULL,
          [manifest] NVarChar(500) NULL, [identifier] INTEGER NULL, [writer_uuid] NVarChar(128) NULL);
        CREATE UNIQUE INDEX journal_uq ON journal (persistence_id, sequence_number);
        CREATE INDEX journal_created_idx ON journal (created);
        CREATE INDEX journal_sequence_number_idx ON journal (sequence_number);
        PRAGMA journal_mode = WAL;
        """;

    // The same table as Akka.Persistence.Sql creates it on PostgreSQL, in the campaign's schema.
    private static string PostgresSchema(string schema) => $"""
        CREATE SCHEMA {schema};
        CREATE TABLE {schema}.journal (ordering bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT "PK_journal" PRIMARY KEY, created bigint NOT NULL,
          deleted boolean NOT NULL, persistence_id text NOT NULL, sequence_number bigint NOT NULL, message bytea NOT NULL, tags text,
          manifest text, identifier integer, writer_uuid text, CONSTRAINT journal_uq UNIQUE (persistence_id, sequence_number));
        CREATE INDEX journal_created_idx ON {schema}.journal (created);
        CREATE INDEX journal_sequence_number_idx ON {schema}.journal (sequence_number);
        """;

    private static readonly JsonSerializerOptions Json = LaqaJsonSerializer.CreateOptions();

    private readonly DbConnection _connection;
    private readonly DbCommand _insert;
    private readonly Dictionary<string, long> _sequence = [];
    private readonly Random _random = new(17);
    private readonly int _candidates;
    private int _selection;

    private SyntheticJournal(DbConnection connection, string journalTable, string schema, int candidates)
    {
        (_connection, _candidates) = (connection, candidates);
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = schema;
            setup.ExecuteNonQuery();
        }
        _insert = _connection.CreateCommand();
        _insert.CommandText = $"""
            INSERT INTO {journalTable} (created, deleted, persistence_id, sequence_number, message, tags, manifest, identifier, writer_uuid)
            VALUES (@created, {(_connection is NpgsqlConnection ? "false" : "0")}, @pid, @seq, @message, NULL, @manifest, @identifier, 'synthetic')
            """;
    }

    /// <summary>A campaign of this many candidates in database; running leaves it searching with its last tenth relaxing.</summary>
    public static SyntheticJournal Create(string database, int candidates, bool running) =>
        Written(new SyntheticJournal(new SqliteConnection($"Data Source={database};Pooling=False"), "journal",
            "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;" + Schema, candidates), running);

    /// <summary>As <see cref="Create"/>, in the schema of a PostgreSQL campaign (which must not exist yet).</summary>
    public static SyntheticJournal CreateOnPostgres(string connectionString, string schema, int candidates, bool running) =>
        Written(new SyntheticJournal(new NpgsqlConnection(connectionString), $"{schema}.journal", PostgresSchema(schema), candidates), running);

    private static SyntheticJournal Written(SyntheticJournal journal, bool running)
    {
        journal.WriteCampaign(running);
        return journal;
    }

    /// <summary>Candidates still relaxing in a running campaign.</summary>
    public IEnumerable<int> Relaxing => Enumerable.Range(_candidates - _candidates / 10, _candidates / 10);

    private void WriteCampaign(bool running)
    {
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        Write(CampaignActor.Id, new CampaignStarted($"synthetic-{_candidates}", _candidates, null, 300, 0));
        Write(CampaignActor.Id, new NodeJoined("127.0.0.1:4053", ["campaign", "worker"], 2, DateTimeOffset.UtcNow));
        for (var id = 0; id < _candidates; id++) Write(Candidate(id), new CandidateCreated(Shaken(0.05)));
        Write(CampaignActor.Id, new CampaignPhaseChanged(CampaignPhase.Searching, null));
        for (var batch = 0; batch < BatchesEach; batch++)
            for (var first = 0; first < _candidates; first += PerSelection)
                WriteSelection(Enumerable.Range(first, Math.Min(PerSelection, _candidates - first)), batch);
        var converging = running ? _candidates - _candidates / 10 : _candidates;
        for (var id = 0; id < converging; id++) Write(Candidate(id), new CandidateConverged());
        if (!running) Write(CampaignActor.Id, new CampaignPhaseChanged(CampaignPhase.Done, "every candidate is done"));
        transaction.Commit();
        _insert.Transaction = null;
    }

    /// <summary>One more selected and completed batch of a relaxing candidate, as a running campaign writes it.</summary>
    public void AppendBatch(int id)
    {
        var batch = (int)(_sequence[Candidate(id)] - 1) / 2;
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        WriteSelection([id], batch);
        transaction.Commit();
        _insert.Transaction = null;
    }

    private void WriteSelection(IEnumerable<int> ids, int batch)
    {
        var chosen = ids.ToList();
        Write(SelectorActor.Id, new SelectionMade(new SelectionRecord(_selection++, [.. chosen.Select(id => new SelectedBatch(id, batch))]), []));
        foreach (var id in chosen)
        {
            Write(Candidate(id), new BatchDispatched(batch));
            var energies = Enumerable.Range(0, StepsPerBatch).Select(_ => -4.6 + _random.NextDouble()).ToArray();
            var forces = Enumerable.Range(0, StepsPerBatch).Select(_ => _random.NextDouble()).ToArray();
            var next = new RelaxationState(Shaken(0.02), new OptimizerState("fire", [.. Enumerable.Range(0, 27).Select(_ => _random.NextDouble())]), (batch + 1) * StepsPerBatch);
            Write(Candidate(id), new BatchCompleted(batch, energies, forces, [.. forces.Select(f => f / 100)], next, [.. energies.Select(_ => 160.1)], "127.0.0.1:4053"));
        }
    }

    private static string Candidate(int id) => CandidateActor.PersistenceIdPrefix + id;

    private void Write(string persistenceId, ILaqaMessage message)
    {
        var sequence = _sequence[persistenceId] = _sequence.GetValueOrDefault(persistenceId) + 1;
        _insert.Parameters.Clear();
        void Add(string name, object value)
        {
            var parameter = _insert.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            _insert.Parameters.Add(parameter);
        }
        Add("@created", DateTime.UtcNow.Ticks);
        Add("@pid", persistenceId);
        Add("@seq", sequence);
        Add("@message", JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), Json));
        Add("@manifest", message.GetType().Name);
        Add("@identifier", LaqaJsonSerializer.SerializerId);
        _insert.ExecuteNonQuery();
    }

    /// <summary>Diamond Si8 (a = 5.431 Å) with every atom moved by up to amplitude (fractional).</summary>
    private Structure Shaken(double amplitude)
    {
        Vec3[] basis =
        [
            new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0),
            new(0.25, 0.25, 0.25), new(0.25, 0.75, 0.75), new(0.75, 0.25, 0.75), new(0.75, 0.75, 0.25),
        ];
        double Shake() => amplitude * (2 * _random.NextDouble() - 1);
        return new Structure(new Lattice(new Vec3(5.431, 0, 0), new Vec3(0, 5.431, 0), new Vec3(0, 0, 5.431)), Enumerable.Repeat("Si", 8),
            [.. basis.Select(p => new Vec3(p.X + 0.1 + Shake(), p.Y + 0.1 + Shake(), p.Z + 0.1 + Shake()))]);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
