using System.Text.Json;
using Laqa.Engine.Journal;
using Laqa.Engine.Serialization;
using Laqa.Search;

namespace Laqa.TestSupport;

/// <summary>Where a campaign's read model differs from a full replay of its journal (<see cref="CampaignRecord"/>): every candidate field and the totals.</summary>
public static class ReadModelComparison
{
    /// <summary>The differences, none when they agree; the model is opened (caught up) first and note gets its line if it was rebuilt.</summary>
    public static IReadOnlyList<string> Differences(string folderOrDatabase, Action<string> note) => Differences(CampaignJournal.OfFolder(folderOrDatabase), note);

    /// <summary>As <see cref="Differences(string, Action{string})"/> for the campaign of a journal (a PostgreSQL campaign's).</summary>
    public static IReadOnlyList<string> Differences(CampaignJournal journal, Action<string> note)
    {
        var replay = CampaignRecord.Read(journal);
        using var model = CampaignReadModel.Open(journal, note);
        var differences = new List<string>();
        void Same<T>(string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual)) differences.Add($"{what}: replay {expected}, read model {actual}");
        }

        Same("fingerprint", replay.Fingerprint, model.Fingerprint);
        Same("candidates", replay.CandidateCount, model.CandidateCount);
        Same("step budget", replay.MaxStepsPerCandidate, model.MaxStepsPerCandidate);
        Same("pressure", replay.ExternalPressure, model.ExternalPressure);
        Same("phase", replay.Phase, model.Phase);
        Same("end reason", replay.EndReason, model.EndReason);
        Same("running", replay.Running, model.Running);
        Same("nodes", Json(replay.Nodes), Json(model.Nodes));
        Same("totals", replay.Totals, model.Totals);
        Same("steps to best", replay.StepsToBest, model.StepsToBest);
        Same("steps to the best's minimum", replay.StepsToBestMinimum, model.StepsToBestMinimum);

        var selected = replay.History.SelectMany(r => r.CandidateIds).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var ranked = model.Ranked(int.MaxValue);
        Same("ranking", string.Join(",", ResultsRanking.Rank(replay.Results, r => r.EnthalpyPerAtom, r => r.Id).Select(r => r.Id)),
            string.Join(",", ranked.Select(r => r.Result.Id)));
        foreach (var row in ranked)
        {
            var id = row.Result.Id;
            Same($"candidate {id}", Json(replay.Results[id]), Json(row.Result));
            Same($"candidate {id} times selected", selected.GetValueOrDefault(id), row.TimesSelected);
        }
        var snapshots = model.Snapshots();
        Same("snapshots", Json(replay.Snapshots.ToList()), Json(snapshots.Select(s => s.Snapshot).ToList()));
        Same("snapshots' times selected", string.Join(",", replay.Snapshots.Select(s => selected.GetValueOrDefault(s.Id))),
            string.Join(",", snapshots.Select(s => s.TimesSelected)));
        return differences;
    }

    /// <summary>Where two read models of one campaign differ (a kept one and one built in memory): every field they show.</summary>
    public static IReadOnlyList<string> Between(CampaignReadModel expected, CampaignReadModel actual)
    {
        var differences = new List<string>();
        void Same(string what, object? e, object? a)
        {
            if (Json(e) != Json(a)) differences.Add($"{what}: {Json(e)} against {Json(a)}");
        }

        Same("fingerprint", expected.Fingerprint, actual.Fingerprint);
        Same("phase", expected.Phase, actual.Phase);
        Same("end reason", expected.EndReason, actual.EndReason);
        Same("nodes", expected.Nodes, actual.Nodes);
        Same("totals", expected.Totals, actual.Totals);
        Same("steps to best", expected.StepsToBest, actual.StepsToBest);
        Same("steps to the best's minimum", expected.StepsToBestMinimum, actual.StepsToBestMinimum);
        Same("ranked", expected.Ranked(int.MaxValue), actual.Ranked(int.MaxValue));
        Same("snapshots", expected.Snapshots(), actual.Snapshots());
        return differences;
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value, LaqaJsonSerializer.CreateOptions());
}
