using System.Globalization;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Selection;
using Laqa.Search;

namespace Laqa.Engine.Journal;

/// <summary>
/// A campaign as its journal holds it, folded with the same pure code the actors use
/// (<see cref="CandidateState.Apply"/>, <see cref="CampaignTally"/>): its phase, whether a
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
        var started = entries.Select(e => e.Event).OfType<CampaignStarted>().FirstOrDefault()
                      ?? throw new LaqaInputException(journal is SqliteJournal { File: var database }
                          ? $"{Path.GetDirectoryName(Path.GetFullPath(database))}: no campaign has started here"
                          : $"{journal.Name}: no campaign has started here");
        var phase = CampaignPhase.Generating;
        string? reason = null;
        var candidates = Enumerable.Range(0, started.CandidateCount).Select(CandidateState.Empty).ToArray();
        var history = new List<SelectionRecord>();
        var applied = new List<AppliedBatch>();
        var lastApplied = new Dictionary<int, int>();
        var nodes = new List<NodeRecord>();
        foreach (var entry in entries)
            switch (entry.Event)
            {
                case NodeJoined joined when entry.PersistenceId == CampaignActor.Id:
                    if (joined.Roles.Contains(ClusterNode.CampaignRole))
                        for (var i = 0; i < nodes.Count; i++)
                            if (nodes[i].GoneAt is null) nodes[i] = nodes[i] with { GoneAt = joined.At, How = "gone with the previous run" };
                    nodes.Add(new NodeRecord(joined.Address, joined.Roles, joined.Workers, joined.At, null, null, 0));
                    break;
                case NodeLeft left when entry.PersistenceId == CampaignActor.Id && nodes.FindLastIndex(n => n.Address == left.Address && n.GoneAt is null) is var at and >= 0:
                    nodes[at] = nodes[at] with { GoneAt = left.At, How = left.How };
                    break;
                case CampaignPhaseChanged changed when entry.PersistenceId == CampaignActor.Id:
                    (phase, reason) = (changed.Phase, changed.Reason);
                    break;
                case SelectionMade made when entry.PersistenceId == SelectorActor.Id:
                    history.Add(made.Record);
                    break;
                case ICandidateEvent e when CandidateIdOf(entry.PersistenceId) is { } id && id < candidates.Length:
                    candidates[id] = candidates[id].Apply(e);
                    if (e is BatchCompleted b)
                    {
                        lastApplied[id] = applied.Count;
                        applied.Add(new AppliedBatch(id, b.StepCount, false));
                        if (b.Node is { } node && nodes.FindLastIndex(n => n.Address == node) is var ran and >= 0)
                            nodes[ran] = nodes[ran] with { Batches = nodes[ran].Batches + 1 };
                    }
                    else if (e is CandidateConverged && lastApplied.TryGetValue(id, out var at))
                        applied[at] = applied[at] with { Converged = true };
                    break;
            }
        return new CampaignRecord(started.Fingerprint, started.CandidateCount, started.StepBudget, started.RelaxationPressure, phase, reason, running, candidates, history, applied, nodes);
    }

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

    private static int? CandidateIdOf(string persistenceId) =>
        persistenceId.StartsWith(CandidateActor.PersistenceIdPrefix, StringComparison.Ordinal) &&
        int.TryParse(persistenceId.AsSpan(CandidateActor.PersistenceIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
