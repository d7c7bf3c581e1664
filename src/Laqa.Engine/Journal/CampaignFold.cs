using System.Globalization;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Hosting;
using Laqa.Engine.Selection;

namespace Laqa.Engine.Journal;

/// <summary>
/// The one fold of journal events into a campaign's state, used by the full replay (<see cref="CampaignRecord"/>) and by
/// the read model, which applies only the events after its position: the campaign started, its phase, its nodes, the steps
/// applied so far, and the <see cref="CandidateEntry"/> of every candidate an event touched (candidates come from
/// <paramref name="load"/> the first time). Candidates are folded with <see cref="CandidateState.Apply"/>, as the actors do.
/// </summary>
public sealed class CampaignFold(CampaignStarted? started, CampaignPhase phase, string? endReason, long appliedSteps, IEnumerable<NodeRecord> nodes,
    Func<int, CandidateEntry> load)
{
    private readonly List<NodeRecord> _nodes = [.. nodes];
    private readonly Dictionary<int, CandidateEntry> _touched = [];

    public CampaignFold(Func<int, CandidateEntry> load) : this(null, CampaignPhase.Generating, null, 0, [], load)
    {
    }

    public CampaignStarted? Started { get; private set; } = started;

    public CampaignPhase Phase { get; private set; } = phase;

    public string? EndReason { get; private set; } = endReason;

    /// <summary>Relaxation steps of every batch applied so far, in the journal's order.</summary>
    public long AppliedSteps { get; private set; } = appliedSteps;

    public IReadOnlyList<NodeRecord> Nodes => _nodes;

    /// <summary>The candidates the events folded so far changed (all of them once the campaign started).</summary>
    public IReadOnlyDictionary<int, CandidateEntry> Touched => _touched;

    public void Apply(JournalEntry entry)
    {
        switch (entry.Event)
        {
            case CampaignStarted s when entry.PersistenceId == CampaignActor.Id && Started is null:
                Started = s;
                // Every candidate has a row from the start, so the tables rank those not created yet too.
                for (var id = 0; id < s.CandidateCount; id++) _touched.TryAdd(id, load(id));
                break;
            case NodeJoined joined when entry.PersistenceId == CampaignActor.Id:
                if (joined.Roles.Contains(ClusterNode.CampaignRole))
                    for (var i = 0; i < _nodes.Count; i++)
                        if (_nodes[i].GoneAt is null) _nodes[i] = _nodes[i] with { GoneAt = joined.At, How = "gone with the previous run" };
                _nodes.Add(new NodeRecord(joined.Address, joined.Roles, joined.Workers, joined.At, null, null, 0));
                break;
            case NodeLeft left when entry.PersistenceId == CampaignActor.Id && _nodes.FindLastIndex(n => n.Address == left.Address && n.GoneAt is null) is var at and >= 0:
                _nodes[at] = _nodes[at] with { GoneAt = left.At, How = left.How };
                break;
            case CampaignPhaseChanged changed when entry.PersistenceId == CampaignActor.Id:
                (Phase, EndReason) = (changed.Phase, changed.Reason);
                break;
            case SelectionMade made when entry.PersistenceId == SelectorActor.Id:
                foreach (var id in made.Record.CandidateIds)
                    if (IsCandidate(id)) Update(id, c => c with { TimesSelected = c.TimesSelected + 1 });
                break;
            case ICandidateEvent e when CandidateIdOf(entry.PersistenceId) is { } id && IsCandidate(id):
                Update(id, c => c with { State = c.State.Apply(e) });
                if (e is BatchCompleted b)
                {
                    AppliedSteps += b.StepCount;
                    Update(id, c => c with { StepsThroughLastBatch = AppliedSteps });
                    if (b.Node is { } node && _nodes.FindLastIndex(n => n.Address == node) is var ran and >= 0)
                        _nodes[ran] = _nodes[ran] with { Batches = _nodes[ran].Batches + 1 };
                }
                else if (e is CandidateConverged)
                    Update(id, c => c with { StepsAtConvergence = c.StepsAtConvergence ?? c.StepsThroughLastBatch });
                break;
        }
    }

    private bool IsCandidate(int id) => Started is { } s && id < s.CandidateCount;

    private void Update(int id, Func<CandidateEntry, CandidateEntry> change) =>
        _touched[id] = change(_touched.TryGetValue(id, out var entry) ? entry : load(id));

    public static int? CandidateIdOf(string persistenceId) =>
        persistenceId.StartsWith(CandidateActor.PersistenceIdPrefix, StringComparison.Ordinal) &&
        int.TryParse(persistenceId.AsSpan(CandidateActor.PersistenceIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
