using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Selection;
using Laqa.Search;

namespace Laqa.Engine.Journal;

/// <summary>
/// A campaign as its journal holds it, every event replayed from the first with <see cref="CampaignFold"/> and totalled with the
/// same pure code the actors use (<see cref="CampaignTally"/>): the full replay that the read model (<see cref="CampaignReadModel"/>)
/// must equal. Its phase, whether a
/// process is running it, every candidate's state (ids 0 .. CandidateCount-1), the selection
/// history, and every applied batch in the order it was applied. MaxStepsPerCandidate is the step
/// budget the journal names (null in the oldest journals), which gives candidates their StepLimit status;
/// ExternalPressure (eV/Å³) the pressure the cells relaxed under, which makes their energies enthalpies.
/// Nodes are the cluster's nodes that worked for the campaign, in the order they joined.
/// </summary>
public sealed record CampaignRecord(
    string Fingerprint,
    int CandidateCount,
    int? MaxStepsPerCandidate,
    double ExternalPressure,
    CampaignPhase Phase,
    string? EndReason,
    bool Running,
    IReadOnlyList<CandidateState> Candidates,
    IReadOnlyList<SelectionRecord> History,
    IReadOnlyList<AppliedBatch> Applied,
    IReadOnlyList<NodeRecord> Nodes)
{
    /// <summary>The campaign of a campaign folder (<see cref="CampaignJournal.OfFolder"/>), or in the journal file itself.</summary>
    public static CampaignRecord ReadFolder(string folderOrDatabase) => Read(CampaignJournal.OfFolder(folderOrDatabase));

    public static CampaignRecord Read(string database) => Read(new SqliteJournal(database));

    public static CampaignRecord Read(CampaignJournal journal)
    {
        var running = journal.IsRunning();
        var entries = JournalFile.Read(journal);
        var fold = new CampaignFold(CandidateEntry.Empty);
        var history = new List<SelectionRecord>();
        var applied = new List<AppliedBatch>();
        var lastApplied = new Dictionary<int, int>();
        foreach (var entry in entries)
        {
            fold.Apply(entry);
            // History and Applied are kept here as they were before the read model, which checks its own counts against them.
            switch (entry.Event)
            {
                case SelectionMade made when entry.PersistenceId == SelectorActor.Id:
                    history.Add(made.Record);
                    break;
                case BatchCompleted b when CampaignFold.CandidateIdOf(entry.PersistenceId) is { } id && id < fold.Started?.CandidateCount:
                    lastApplied[id] = applied.Count;
                    applied.Add(new AppliedBatch(id, b.StepCount, false));
                    break;
                case CandidateConverged when CampaignFold.CandidateIdOf(entry.PersistenceId) is { } id && lastApplied.TryGetValue(id, out var at):
                    applied[at] = applied[at] with { Converged = true };
                    break;
            }
        }
        var started = fold.Started ?? throw NotStarted(journal);
        var candidates = Enumerable.Range(0, started.CandidateCount).Select(id => fold.Touched[id].State).ToArray();
        return new CampaignRecord(started.Fingerprint, started.CandidateCount, started.StepBudget, started.RelaxationPressure, fold.Phase, fold.EndReason, running,
            candidates, history, applied, fold.Nodes);
    }

    public static LaqaInputException NotStarted(CampaignJournal journal) => new(journal is SqliteJournal { File: var database }
        ? $"{Path.GetDirectoryName(Path.GetFullPath(database))}: no campaign has started here"
        : $"{journal.Name}: no campaign has started here");

    /// <summary>The same totals the campaign actor keeps, from the same snapshots.</summary>
    public CampaignTotals Totals
    {
        get
        {
            var tally = new CampaignTally();
            foreach (var snapshot in Snapshots) tally.Set(snapshot);
            return tally.Totals;
        }
    }

    /// <summary>The snapshot of every candidate known to the search, as the candidates report them to the selector.</summary>
    public IEnumerable<CandidateSnapshot> Snapshots => Candidates.Select(c => c.Snapshot(MaxStepsPerCandidate, ExternalPressure)).OfType<CandidateSnapshot>();

    /// <summary>Every candidate's result, as <see cref="CampaignHost"/> collects them from the actors.</summary>
    public IReadOnlyList<CandidateResult> Results => [.. Candidates.Select(c => CandidateResult.Of(c, MaxStepsPerCandidate, ExternalPressure))];

    /// <summary>
    /// Relaxation steps spent when the final best candidate first converged (<see cref="Search.StepsToBest"/>), or
    /// when it had its last batch if the step limit stopped it; null while it is still relaxing.
    /// </summary>
    public long? StepsToBest => Totals.BestCandidate is { } best
        ? Candidates[best].StatusWithin(MaxStepsPerCandidate) == CandidateStatus.StepLimit
            ? Search.StepsToBest.ThroughLastBatch(Applied, best)
            : Search.StepsToBest.Of(Applied, best)
        : null;

    /// <summary>
    /// Relaxation steps spent when the first candidate in the final best's minimum converged: the least <see cref="StepsToBest"/> over the
    /// candidates that converged within <see cref="Search.StepsToBest.MinimumTolerance"/> of the best (enthalpy per atom); null while the best has not converged.
    /// </summary>
    public long? StepsToBestMinimum
    {
        get
        {
            if (Totals is not { BestCandidate: { } best, BestEnthalpyPerAtom: { } enthalpy } || Candidates[best].StatusWithin(MaxStepsPerCandidate) != CandidateStatus.Converged)
                return null;
            return Results.Where(r => r.Status == CandidateStatus.Converged && r.EnthalpyPerAtom <= enthalpy + Search.StepsToBest.MinimumTolerance)
                .Min(r => Search.StepsToBest.Of(Applied, r.Id));
        }
    }
}
