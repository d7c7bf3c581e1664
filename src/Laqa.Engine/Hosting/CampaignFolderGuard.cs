using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Journal;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Checks, read-only and before any actor starts, that an existing campaign journal holds the
/// campaign about to run, so a refused folder (or PostgreSQL campaign) is left exactly as it was.
/// </summary>
public static class CampaignFolderGuard
{
    /// <summary>Throws a <see cref="LaqaInputException"/> naming the changed settings when the journal holds another campaign.</summary>
    public static void Check(CampaignJournal journal, EngineSettings settings)
    {
        if (!journal.Exists) return;
        var started = JournalFile.First(journal, CampaignActor.Id)?.Event as CampaignStarted;
        if (started is null || (started.Fingerprint == settings.Fingerprint && started.CandidateCount == settings.CandidateCount)) return;
        throw new LaqaInputException($"{journal.Name} holds another campaign: {Differences(started, settings)}; " +
                                     $"resume it with its own config or {journal.OtherChoice}");
    }

    private static string Differences(CampaignStarted started, EngineSettings settings)
    {
        if (started.Settings is null || settings.DefiningSettings.Count == 0)
            return $"fingerprint {started.Fingerprint} with {started.CandidateCount} candidates, this config {settings.Fingerprint} with {settings.CandidateCount}";
        var there = ByKey(started.Settings);
        var here = ByKey(settings.DefiningSettings);
        var changed = there.Keys.Union(here.Keys)
            .Where(key => there.GetValueOrDefault(key) != here.GetValueOrDefault(key))
            .Select(key => $"{key} is {there.GetValueOrDefault(key) ?? "unset"} there, {here.GetValueOrDefault(key) ?? "unset"} in this config");
        return string.Join("; ", changed);
    }

    private static Dictionary<string, string> ByKey(IEnumerable<string> lines) =>
        lines.Select(line => line.Split(" = ", 2)).ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
}
