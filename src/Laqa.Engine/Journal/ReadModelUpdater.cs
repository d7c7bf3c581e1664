using System.Data.Common;
using System.Text.Json;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Serialization;
using Laqa.Search;
using Microsoft.Data.Sqlite;

namespace Laqa.Engine.Journal;

/// <summary>
/// Keeps a campaign's read model (tables laqa_read_model, laqa_campaign, laqa_candidates, laqa_candidate_states, in the
/// SQLite journal's file or in the PostgreSQL campaign's schema; one SQL for both, <see cref="ReadModelDialect"/>) up to date
/// with its journal. The model's position is the ordering of the last event it holds; each step folds the next events with
/// <see cref="CampaignFold"/> and writes the candidates they changed, the campaign row and the new position in one
/// transaction, which commits only if no one advanced the position meanwhile (writers take turns: SQLite's write lock,
/// a PostgreSQL advisory lock per campaign, and each re-reads the position once it holds it). So a process killed at any moment, or
/// two processes catching up at once, neither lose nor count an event twice. A model that is missing, of another
/// <see cref="Version"/>, or whose position this journal does not hold, is dropped and rebuilt from the first event.
/// </summary>
public static class ReadModelUpdater
{
    /// <summary>The tables' version: a model of another version is rebuilt.</summary>
    public const int Version = 2;

    /// <summary>Events folded per transaction, so that the journal's writer never waits long for the write lock.</summary>
    public const int EventsPerStep = 5000;

    private static readonly JsonSerializerOptions Json = LaqaJsonSerializer.CreateOptions();

    /// <summary>The tables, with the column types of the dialect (SQLite or PostgreSQL).</summary>
    private static string Schema(ReadModelDialect d) => $"""
        CREATE TABLE laqa_read_model (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, position {d.Int64} NOT NULL,
          persistence_id TEXT, sequence_nr {d.Int64});
        CREATE TABLE laqa_campaign (id INTEGER PRIMARY KEY CHECK (id = 1), started {d.Bytes} NOT NULL, phase TEXT NOT NULL, end_reason TEXT,
          applied_steps {d.Int64} NOT NULL, nodes {d.Bytes} NOT NULL);
        CREATE TABLE laqa_candidates (id INTEGER PRIMARY KEY, known INTEGER NOT NULL, status TEXT NOT NULL, steps INTEGER NOT NULL,
          batches INTEGER NOT NULL, energy {d.Double}, enthalpy {d.Double}, force {d.Double} NOT NULL, force_change {d.Double} NOT NULL,
          stress {d.Double} NOT NULL, pv {d.Double} NOT NULL, times_selected INTEGER NOT NULL, steps_at_convergence {d.Int64},
          steps_through_last_batch {d.Int64}, duplicate_of INTEGER);
        CREATE INDEX laqa_candidates_rank ON laqa_candidates (enthalpy, id);
        CREATE TABLE laqa_candidate_states (id INTEGER PRIMARY KEY, state {d.Bytes} NOT NULL);
        """;

    private const string Drop = """
        DROP TABLE IF EXISTS laqa_read_model; DROP TABLE IF EXISTS laqa_campaign;
        DROP TABLE IF EXISTS laqa_candidates; DROP TABLE IF EXISTS laqa_candidate_states;
        """;

    /// <summary>A read-write connection to the model in a SQLite journal's own database; it waits for the journal's writer.</summary>
    public static SqliteConnection Connect(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;");
        return connection;
    }

    /// <summary>A connection to the model beside the journal: in the SQLite file, or in the PostgreSQL campaign's schema.</summary>
    public static DbConnection Connect(CampaignJournal journal) => journal switch
    {
        SqliteJournal sqlite => Connect(sqlite.File),
        PostgresJournal postgres => postgres.Open(searchPath: postgres.Schema),
        _ => throw new ArgumentException($"no read model is kept for {journal.Name}", nameof(journal)),
    };

    /// <summary>
    /// Folds every event of the journal the model does not hold yet into model (a connection to the journal's database,
    /// or to a database of its own), eventsPerStep events per transaction. Returns why the model was rebuilt from the first
    /// event, or null when it only caught up.
    /// </summary>
    public static string? CatchUp(CampaignJournal journal, DbConnection model, int eventsPerStep = EventsPerStep)
    {
        var rebuilt = Prepare(journal, model);
        var horizon = ReadModelDialect.Of(model).Horizon(model, journal);
        while (Step(journal, model, eventsPerStep, horizon)) { }
        return rebuilt;
    }

    /// <summary>Creates the tables if missing; drops and recreates them when they cannot be caught up. Returns why it rebuilt.</summary>
    private static string? Prepare(CampaignJournal journal, DbConnection model)
    {
        var position = Position(model);
        string? reason = position switch
        {
            null => "none was there",
            { Version: not Version } p => $"was version {p.Version}, this laqa keeps version {Version}",
            { Ordering: > 0 } p when !JournalFile.Holds(journal, p.Ordering, p.PersistenceId!, p.SequenceNr) =>
                $"its position {p.Ordering} is not an event of this journal",
            _ => null,
        };
        if (reason is null) return null;
        var dialect = ReadModelDialect.Of(model);
        using (var transaction = dialect.BeginWriting(model))
        {
            // Another process may have rebuilt it meanwhile; then it stands.
            if (Position(model, transaction) is { Version: Version } p && (p.Ordering == 0 || JournalFile.Holds(journal, p.Ordering, p.PersistenceId!, p.SequenceNr)))
                return null;
            Execute(model, Drop + Schema(dialect) + $"INSERT INTO laqa_read_model (id, version, position) VALUES (1, {Version}, 0);", transaction);
            transaction.Commit();
        }
        // A new campaign's model is made, not rebuilt: there was nothing to fold.
        return JournalFile.ReadAfter(journal, 0, 1).Count > 0 ? $"read model rebuilt from the journal ({reason})" : null;
    }

    /// <summary>Folds the next events up to the horizon (if any); false when there were none.</summary>
    private static bool Step(CampaignJournal journal, DbConnection model, int eventsPerStep, long? horizon)
    {
        var from = Position(model) ?? throw new InvalidOperationException("the read model has no position");
        var entries = JournalFile.ReadAfter(journal, from.Ordering, eventsPerStep, horizon);
        if (entries.Count == 0) return false;
        var campaign = LoadCampaign(model);
        using var candidate = Command(model, null, """
            SELECT c.times_selected, c.steps_at_convergence, c.steps_through_last_batch, s.state
            FROM laqa_candidates c LEFT JOIN laqa_candidate_states s ON s.id = c.id WHERE c.id = @id
            """);
        CandidateEntry Load(int candidateId)
        {
            Set(candidate, ("@id", candidateId));
            using var reader = candidate.ExecuteReader();
            return reader.Read()
                ? new CandidateEntry(StateOf(candidateId, reader, 3), reader.GetInt32(0), NullableLong(reader, 1), NullableLong(reader, 2))
                : CandidateEntry.Empty(candidateId);
        }
        var fold = campaign is null
            ? new CampaignFold(Load)
            : new CampaignFold(campaign.Started, campaign.Phase, campaign.EndReason, campaign.AppliedSteps, campaign.Nodes, Load);
        foreach (var entry in entries) fold.Apply(entry);
        var last = entries[^1];

        using var transaction = ReadModelDialect.Of(model).BeginWriting(model);
        if (Position(model, transaction) != from) return true; // another process folded these events first: start again from its position
        if (fold.Started is { } started)
        {
            WriteCampaign(model, transaction, fold, started);
            WriteCandidates(model, transaction, fold.Touched.Values, started);
        }
        using (var command = Command(model, transaction,
                   "UPDATE laqa_read_model SET position = @position, persistence_id = @pid, sequence_nr = @seq WHERE id = 1"))
        {
            Set(command, ("@position", last.Ordering), ("@pid", last.PersistenceId), ("@seq", last.SequenceNr));
            command.ExecuteNonQuery();
        }
        transaction.Commit();
        return true;
    }

    private sealed record ModelPosition(int Version, long Ordering, string? PersistenceId, long SequenceNr);

    private static ModelPosition? Position(DbConnection model, DbTransaction? transaction = null)
    {
        using var exists = Command(model, transaction, ReadModelDialect.Of(model).TableExists("laqa_read_model"));
        if (Convert.ToInt64(exists.ExecuteScalar()) == 0) return null;
        using var command = Command(model, transaction, "SELECT version, position, persistence_id, sequence_nr FROM laqa_read_model WHERE id = 1");
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ModelPosition(reader.GetInt32(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? 0 : reader.GetInt64(3))
            : null;
    }

    /// <summary>The campaign row: how it started, phase, end reason, steps applied, nodes; null before the campaign started.</summary>
    internal sealed record CampaignRow(CampaignStarted Started, CampaignPhase Phase, string? EndReason, long AppliedSteps, IReadOnlyList<NodeRecord> Nodes);

    internal static CampaignRow? LoadCampaign(DbConnection model, DbTransaction? transaction = null)
    {
        using var command = Command(model, transaction, "SELECT started, phase, end_reason, applied_steps, nodes FROM laqa_campaign WHERE id = 1");
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new CampaignRow(
            JsonSerializer.Deserialize<CampaignStarted>((byte[])reader[0], Json)!,
            Enum.Parse<CampaignPhase>(reader.GetString(1)),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetInt64(3),
            JsonSerializer.Deserialize<NodeRecord[]>((byte[])reader[4], Json)!);
    }

    /// <summary>The candidate state in column i, the empty state where none was kept.</summary>
    internal static CandidateState StateOf(int id, DbDataReader reader, int i) =>
        reader.IsDBNull(i) ? CandidateState.Empty(id) : JsonSerializer.Deserialize<CandidateState>((byte[])reader[i], Json)!;

    internal static long? NullableLong(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);

    private static void WriteCampaign(DbConnection model, DbTransaction transaction, CampaignFold fold, CampaignStarted started)
    {
        using var command = Command(model, transaction, Upsert("laqa_campaign", "id", "started", "phase", "end_reason", "applied_steps", "nodes"));
        Set(command, ("@id", 1), ("@started", JsonSerializer.SerializeToUtf8Bytes(started, Json)), ("@phase", fold.Phase.ToString()),
            ("@end_reason", fold.EndReason), ("@applied_steps", fold.AppliedSteps), ("@nodes", JsonSerializer.SerializeToUtf8Bytes(fold.Nodes.ToArray(), Json)));
        command.ExecuteNonQuery();
    }

    private static void WriteCandidates(DbConnection model, DbTransaction transaction, IEnumerable<CandidateEntry> entries, CampaignStarted started)
    {
        var (maxSteps, pressure) = (started.StepBudget, started.RelaxationPressure);
        using var row = Command(model, transaction, Upsert("laqa_candidates", "id", "known", "status", "steps", "batches", "energy", "enthalpy", "force",
            "force_change", "stress", "pv", "times_selected", "steps_at_convergence", "steps_through_last_batch", "duplicate_of"));
        using var state = Command(model, transaction, Upsert("laqa_candidate_states", "id", "state"));
        foreach (var entry in entries)
        {
            var s = entry.State;
            var pv = s.PressureVolumePerAtom(pressure);
            double? energy = s.Steps > 0 ? s.EnergiesPerAtom[^1] : null;
            Set(row, ("@id", s.Id), ("@known", s.IsKnown ? 1 : 0), ("@status", s.StatusWithin(maxSteps).ToString()), ("@steps", s.Steps),
                ("@batches", s.NextBatch), ("@energy", energy), ("@enthalpy", energy + pv), ("@force", s.MeanForceNorm), ("@force_change", s.ForceChange),
                ("@stress", s.MeanAbsStress), ("@pv", pv), ("@times_selected", entry.TimesSelected), ("@steps_at_convergence", entry.StepsAtConvergence),
                ("@steps_through_last_batch", entry.StepsThroughLastBatch), ("@duplicate_of", s.DuplicateOf));
            row.ExecuteNonQuery();
            if (IsUntouched(s)) continue;
            // The optimizer state (hundreds of KB with BFGS) is only for the actors to continue from.
            var kept = s.Relaxation is { } r ? s with { Relaxation = r with { Optimizer = Calculators.Relaxation.OptimizerState.Fresh } } : s;
            Set(state, ("@id", s.Id), ("@state", JsonSerializer.SerializeToUtf8Bytes(kept, Json)));
            state.ExecuteNonQuery();
        }
    }

    /// <summary>An insert that replaces the row of the same key, in the syntax SQLite and PostgreSQL share; parameters are @column.</summary>
    private static string Upsert(string table, string key, params string[] columns) =>
        $"INSERT INTO {table} ({key}, {string.Join(", ", columns)}) VALUES (@{key}, {string.Join(", ", columns.Select(c => "@" + c))}) " +
        $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}";

    /// <summary>No event has touched the candidate: it keeps no state row and reads back as <see cref="CandidateState.Empty"/>.</summary>
    private static bool IsUntouched(CandidateState s) =>
        s is { Initial: null, Relaxation: null, Status: CandidateStatus.Pending, NextBatch: 0, DispatchedBatches: 0, Steps: 0 };

    private static void Set(DbCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value switch
            {
                null => DBNull.Value,
                double d when double.IsNaN(d) => DBNull.Value,
                _ => value,
            };
            command.Parameters.Add(parameter);
        }
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    private static void Execute(DbConnection connection, string text, DbTransaction? transaction = null)
    {
        using var command = Command(connection, transaction, text);
        command.ExecuteNonQuery();
    }
}
