using System.Globalization;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Journal;
using Laqa.Engine.Selection;
using Laqa.Search;

namespace Laqa.Cli.Plots;

/// <summary>
/// Replays a campaign's journal into a <see cref="CampaignTrace"/> with the same fold the read model uses (<see cref="CampaignFold"/>).
/// A campaign still generating its structures, or with no batch applied yet, has nothing to plot: a <see cref="LaqaInputException"/>.
/// </summary>
public static class CampaignTraceReader
{
    private const string AlgorithmSetting = "laqa.search.algorithm = ";
    private const string ModeSetting = "laqa.search.mode = ";
    private const string ForceWeightSetting = "laqa.search.weights.force = ";
    private const string StressWeightSetting = "laqa.search.weights.stress = ";

    public static CampaignTrace Read(CampaignJournal journal, string title)
    {
        var entries = JournalFile.Read(journal);
        var fold = new CampaignFold(CandidateEntry.Empty);
        var batches = new Dictionary<int, List<StepPoint>>();
        // The current enthalpy per atom of every candidate still in the search, so the best is its first element.
        var current = new SortedSet<(double Enthalpy, int Id)>();
        var latest = new Dictionary<int, double>();
        var bestSoFar = new List<StepPoint>();
        foreach (var entry in entries)
        {
            fold.Apply(entry);
            var started = fold.Started;
            if (started is null || CampaignFold.CandidateIdOf(entry.PersistenceId) is not { } id || id >= started.CandidateCount)
                continue;
            var before = current.Count > 0 ? current.Min.Enthalpy : (double?)null;
            switch (entry.Event)
            {
                case BatchCompleted:
                    var state = fold.Touched[id].State;
                    var enthalpy = state.EnergiesPerAtom[^1] + state.PressureVolumePerAtom(started.RelaxationPressure);
                    if (!batches.TryGetValue(id, out var points)) batches[id] = points = [];
                    points.Add(new StepPoint(fold.AppliedSteps, enthalpy));
                    if (latest.TryGetValue(id, out var previous)) current.Remove((previous, id));
                    if (double.IsFinite(enthalpy) && state.Status != CandidateStatus.Failed)
                    {
                        latest[id] = enthalpy;
                        current.Add((enthalpy, id));
                    }
                    else latest.Remove(id);
                    break;
                case CandidateFailed when latest.Remove(id, out var last):
                    current.Remove((last, id));
                    break;
            }
            var after = current.Count > 0 ? current.Min.Enthalpy : (double?)null;
            if (after is { } best && after != before) bestSoFar.Add(new StepPoint(fold.AppliedSteps, best));
        }

        var campaign = fold.Started ?? throw NotStarted(journal);
        if (fold.Phase == CampaignPhase.Generating)
            throw new LaqaInputException($"{title}: the campaign is still generating its structures (no search yet): nothing to plot");
        if (batches.Count == 0) throw new LaqaInputException($"{title}: no relaxation batch has been applied yet: nothing to plot");
        var total = fold.AppliedSteps;
        if (bestSoFar.Count > 0 && bestSoFar[^1].Steps < total) bestSoFar.Add(bestSoFar[^1] with { Steps = total });
        var candidates = batches.OrderBy(b => b.Key)
            .Select(b => new CandidateTrace(b.Key, b.Value) { Steps = fold.Touched[b.Key].State.Steps }).ToList();
        return new CampaignTrace(title, SearchName(campaign), campaign.RelaxationPressure, total, candidates, bestSoFar,
            current.Count > 0 ? current.Min.Id : null, Scores(entries, campaign));
    }

    private static LaqaInputException NotStarted(CampaignJournal journal) => CampaignRecord.NotStarted(journal);

    /// <summary>"laqa sync", "laqa async" or "rs", from the settings the journal keeps (the fingerprint's short form in the oldest journals).</summary>
    public static string SearchName(CampaignStarted started)
    {
        var algorithm = Setting(started, AlgorithmSetting);
        var mode = Setting(started, ModeSetting);
        return algorithm is null ? $"campaign {started.Fingerprint[..8]}" : mode is null ? algorithm : $"{algorithm} {mode}";
    }

    /// <summary>
    /// The scores at the selection of the journal with the most finite scores (the latest of those), the moment the search weighed
    /// most candidates, with the campaign's LAQA weights (the defaults for an rs campaign, as laqa.tsv): the snapshots the selector had
    /// been told of up to it, scored; null when no selection had a finite score.
    /// </summary>
    private static ScoreSample? Scores(IReadOnlyList<JournalEntry> entries, CampaignStarted started)
    {
        var defaults = new LaqaWeights();
        var weights = new LaqaWeights(Weight(started, ForceWeightSetting) ?? defaults.Force, Weight(started, StressWeightSetting) ?? defaults.Stress);
        bool Finite(CandidateSnapshot s) => double.IsFinite(LaqaScore.Of(s, weights));
        var known = new Dictionary<int, CandidateSnapshot>();
        // Counted as snapshots come and go, so each selection costs only its own snapshots.
        var finite = 0;
        var (most, at) = (0, -1);
        for (var i = 0; i < entries.Count; i++)
        {
            var made = Observe(entries[i], known, (before, after) => finite += (after is not null && Finite(after) ? 1 : 0) - (before is not null && Finite(before) ? 1 : 0));
            if (made is not null && finite > 0 && finite >= most) (most, at) = (finite, i);
        }
        if (at < 0) return null;
        known.Clear();
        for (var i = 0; i < at; i++) Observe(entries[i], known, (_, _) => { });
        var selection = Observe(entries[at], known, (_, _) => { })!;
        double[] Scored(IEnumerable<CandidateSnapshot> snapshots) => [.. snapshots.Select(s => LaqaScore.Of(s, weights)).Where(double.IsFinite)];
        return new ScoreSample(selection.Record.Selection, Scored(known.Values), Scored(selection.Record.CandidateIds.Where(known.ContainsKey).Select(id => known[id])),
            known.Count);
    }

    /// <summary>Adds the snapshots a selector event reports to known, telling changed each one replaced; the selection when it is one.</summary>
    private static SelectionMade? Observe(JournalEntry entry, Dictionary<int, CandidateSnapshot> known, Action<CandidateSnapshot?, CandidateSnapshot> changed)
    {
        if (entry.PersistenceId != SelectorActor.Id) return null;
        var (snapshots, made) = entry.Event switch
        {
            CandidatesObserved observed => (observed.Snapshots, null),
            SelectionMade selection => (selection.Observed, selection),
            _ => ([], (SelectionMade?)null),
        };
        foreach (var s in snapshots)
        {
            changed(known.GetValueOrDefault(s.Id), s);
            known[s.Id] = s;
        }
        return made;
    }

    private static string? Setting(CampaignStarted started, string prefix) =>
        started.Settings?.FirstOrDefault(s => s.StartsWith(prefix, StringComparison.Ordinal)) is { } line ? line[prefix.Length..] : null;

    private static double? Weight(CampaignStarted started, string prefix) =>
        Setting(started, prefix) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : null;
}
