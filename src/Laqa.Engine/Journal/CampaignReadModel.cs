using System.Data.Common;
using System.Globalization;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Search;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Laqa.Engine.Journal;

/// <summary>
/// A campaign as its read model holds it, caught up with the journal when opened and read in one transaction (a consistent
/// state while `laqa run` goes on writing): how it started, phase, whether a process runs it, nodes, totals, steps to the
/// best, and candidates ranked by SQL, so that nothing is read per candidate beyond the rows asked for. The model is kept
/// beside the journal (the SQLite file, the PostgreSQL campaign's schema); a reader that cannot write there (a read-only
/// folder, a role without rights on the schema) gets its model built in memory from the journal.
/// </summary>
public sealed class CampaignReadModel : IDisposable
{
    private const string RowColumns = "SELECT c.id, c.times_selected, s.state FROM laqa_candidates c LEFT JOIN laqa_candidate_states s ON s.id = c.id";

    private readonly DbConnection _connection;
    private readonly DbTransaction _reading;
    private readonly CampaignStarted _started;

    private CampaignReadModel(DbConnection connection, DbTransaction reading, ReadModelUpdater.CampaignRow campaign, bool running)
    {
        (_connection, _reading, Running) = (connection, reading, running);
        (_started, Phase, EndReason, Nodes) = (campaign.Started, campaign.Phase, campaign.EndReason, campaign.Nodes);
        Totals = ReadTotals();
        StepsToBest = ReadStepsToBest();
        StepsToBestMinimum = ReadStepsToBestMinimum();
    }

    /// <summary>The read model of the campaign of a folder (<see cref="CampaignJournal.OfFolder"/>) or journal file.</summary>
    public static CampaignReadModel Open(string folderOrDatabase, Action<string> note) => Open(CampaignJournal.OfFolder(folderOrDatabase), note);

    /// <summary>
    /// The read model of a campaign, caught up first; note receives one line when it had to be rebuilt from the journal, or
    /// built in memory. A journal that cannot be read is a <see cref="LaqaInputException"/>.
    /// </summary>
    public static CampaignReadModel Open(CampaignJournal journal, Action<string> note)
    {
        JournalFile.RequireExists(journal);
        // The model's tables are made in the journal's database: never in one that holds no event (an empty file, another program's).
        if (JournalFile.ReadAfter(journal, 0, 1).Count == 0) throw CampaignRecord.NotStarted(journal);
        var running = journal.IsRunning();
        DbConnection? connection = null;
        try
        {
            string? rebuilt;
            try
            {
                connection = ReadModelUpdater.Connect(journal);
                rebuilt = ReadModelUpdater.CatchUp(journal, connection);
            }
            catch (DbException e) when (CannotWrite(e))
            {
                connection?.Dispose();
                connection = InMemory(journal);
                rebuilt = $"read model built in memory from the journal (the {(journal is PostgresJournal ? "campaign's schema" : "campaign folder")} " +
                          $"cannot be written: {(e is PostgresException ? PostgresJournal.Reason(e) : e.Message)})";
            }
            if (rebuilt is not null) note(rebuilt);
            var reading = ReadModelDialect.Of(connection).BeginReading(connection);
            var campaign = ReadModelUpdater.LoadCampaign(connection, reading) ?? throw CampaignRecord.NotStarted(journal);
            return new CampaignReadModel(connection, reading, campaign, running);
        }
        catch (DbException e)
        {
            connection?.Dispose();
            throw journal.Unreadable(e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The model cannot be kept where the journal is: a read-only SQLite folder; on PostgreSQL a role without the rights
    /// (42501), a read-only server (25006), or the journal held by a writer for longer than the lock waits (55P03).
    /// </summary>
    private static bool CannotWrite(DbException e) =>
        e is SqliteException { SqliteErrorCode: ReadOnly or CannotOpen or Permission } || e is PostgresException { SqlState: "42501" or "25006" or "55P03" };

    private static SqliteConnection InMemory(CampaignJournal journal)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        ReadModelUpdater.CatchUp(journal, connection, eventsPerStep: int.MaxValue);
        return connection;
    }

    private const int ReadOnly = 8;
    private const int CannotOpen = 14;
    private const int Permission = 3;

    public string Fingerprint => _started.Fingerprint;

    public int CandidateCount => _started.CandidateCount;

    /// <summary>The step budget the journal names (null in the oldest journals), which gives candidates their StepLimit status.</summary>
    public int? MaxStepsPerCandidate => _started.StepBudget;

    /// <summary>The pressure (eV/Å³) the cells relaxed under, which makes their energies enthalpies.</summary>
    public double ExternalPressure => _started.RelaxationPressure;

    public CampaignPhase Phase { get; }

    public string? EndReason { get; }

    /// <summary>A process runs the campaign (the lock of a SQLite folder, the lease of a PostgreSQL campaign).</summary>
    public bool Running { get; }

    /// <summary>The nodes that worked for the campaign, in the order they joined.</summary>
    public IReadOnlyList<NodeRecord> Nodes { get; }

    /// <summary>The totals the campaign actor keeps (<see cref="CampaignTally"/>), counted over the candidate rows.</summary>
    public CampaignTotals Totals { get; }

    /// <summary>As <see cref="CampaignRecord.StepsToBest"/>: steps applied when the best first converged, or through its last batch at the step limit.</summary>
    public long? StepsToBest { get; }

    /// <summary>As <see cref="CampaignRecord.StepsToBestMinimum"/>: steps applied when the first candidate within 1 meV/atom of the best converged.</summary>
    public long? StepsToBestMinimum { get; }

    /// <summary>The first count candidates of the results table: lowest enthalpy per atom first, then id; those without a step last, by id.</summary>
    public IReadOnlyList<CandidateRow> Ranked(int count)
    {
        var rows = Rows($"{RowColumns} WHERE c.enthalpy IS NOT NULL ORDER BY c.enthalpy, c.id LIMIT {count}");
        return rows.Count >= count ? rows : [.. rows, .. Rows($"{RowColumns} WHERE c.enthalpy IS NULL ORDER BY c.id LIMIT {count - rows.Count}")];
    }

    /// <summary>The first count relaxed candidates (not failed nor duplicates, at least one step) in the order of the results table.</summary>
    public IReadOnlyList<CandidateRow> Relaxed(int count) =>
        Rows($"{RowColumns} WHERE c.enthalpy IS NOT NULL AND c.steps > 0 AND {NotFailedNorDuplicate} ORDER BY c.enthalpy, c.id LIMIT {count}");

    private static readonly string NotFailedNorDuplicate = $"c.status NOT IN ('{CandidateStatus.Failed}', '{CandidateStatus.Duplicate}')";

    public CandidateRow Candidate(int id) => Rows($"{RowColumns} WHERE c.id = {id}").Single();

    /// <summary>The snapshot of every candidate known to the search, as the candidates report them to the selector, with its times selected.</summary>
    public IReadOnlyList<SnapshotRow> Snapshots()
    {
        using var command = Command("""
            SELECT id, status, energy, force, force_change, stress, steps, batches, pv, times_selected, duplicate_of FROM laqa_candidates WHERE known = 1 ORDER BY id
            """);
        using var reader = command.ExecuteReader();
        var snapshots = new List<SnapshotRow>();
        while (reader.Read())
            snapshots.Add(new SnapshotRow(new CandidateSnapshot(reader.GetInt32(0), Enum.Parse<CandidateStatus>(reader.GetString(1)), reader.IsDBNull(2) ? 0 : reader.GetDouble(2),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetDouble(8),
                reader.IsDBNull(10) ? null : reader.GetInt32(10)), reader.GetInt32(9)));
        return snapshots;
    }

    private List<CandidateRow> Rows(string query)
    {
        using var command = Command(query);
        using var reader = command.ExecuteReader();
        var rows = new List<CandidateRow>();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            rows.Add(new CandidateRow(CandidateResult.Of(ReadModelUpdater.StateOf(id, reader, 2), MaxStepsPerCandidate, ExternalPressure), reader.GetInt32(1)));
        }
        return rows;
    }

    private CampaignTotals ReadTotals()
    {
        using var counts = Command($"""
            SELECT count(*), count(*) FILTER (WHERE status = '{CandidateStatus.Converged}'), count(*) FILTER (WHERE status = '{CandidateStatus.Failed}'),
              count(*) FILTER (WHERE status = '{CandidateStatus.StepLimit}'), coalesce(sum(batches), 0), coalesce(sum(steps), 0),
              count(*) FILTER (WHERE status = '{CandidateStatus.Duplicate}')
            FROM laqa_candidates WHERE known = 1
            """);
        CampaignTotals counted;
        using (var reader = counts.ExecuteReader())
        {
            reader.Read();
            counted = new CampaignTotals((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3),
                Convert.ToInt64(reader.GetValue(4)), Convert.ToInt64(reader.GetValue(5)), null, null, (int)reader.GetInt64(6));
        }
        // After the counts' reader is closed: a PostgreSQL connection runs one command at a time.
        var (best, enthalpy) = Best() ?? (null, null);
        return counted with { BestEnthalpyPerAtom = enthalpy, BestCandidate = best };
    }

    private (int? Id, double? Enthalpy)? Best()
    {
        using var command = Command($"""
            SELECT c.id, c.enthalpy FROM laqa_candidates c WHERE c.enthalpy IS NOT NULL AND c.known = 1 AND c.steps > 0 AND {NotFailedNorDuplicate}
            ORDER BY c.enthalpy, c.id LIMIT 1
            """);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.GetDouble(1)) : null;
    }

    private long? ReadStepsToBest()
    {
        if (Totals.BestCandidate is not { } best) return null;
        using var command = Command($"SELECT status, steps_at_convergence, steps_through_last_batch FROM laqa_candidates WHERE id = {best}");
        using var reader = command.ExecuteReader();
        reader.Read();
        return ReadModelUpdater.NullableLong(reader, reader.GetString(0) == nameof(CandidateStatus.StepLimit) ? 2 : 1);
    }

    private long? ReadStepsToBestMinimum()
    {
        if (Totals is not { BestCandidate: { } best, BestEnthalpyPerAtom: { } enthalpy }) return null;
        using var command = Command(string.Create(CultureInfo.InvariantCulture, $"""
            SELECT min(steps_at_convergence) FROM laqa_candidates WHERE status = '{CandidateStatus.Converged}' AND known = 1
              AND enthalpy <= {enthalpy:R} + {Laqa.Search.StepsToBest.MinimumTolerance:R}
              AND EXISTS (SELECT 1 FROM laqa_candidates b WHERE b.id = {best} AND b.status = '{CandidateStatus.Converged}')
            """));
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }

    private DbCommand Command(string text) => ReadModelUpdater.Command(_connection, _reading, text);

    public void Dispose()
    {
        _reading.Dispose();
        _connection.Dispose();
    }
}
