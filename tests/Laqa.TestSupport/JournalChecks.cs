using Laqa.Engine.Campaign;
using Laqa.Engine.Candidates;
using Laqa.Engine.Journal;
using Laqa.Search;

namespace Laqa.TestSupport;

/// <summary>What a campaign's journal must show after any number of node failures: each batch applied once, the campaign done, the totals the candidates' sums.</summary>
public static class JournalChecks
{
    /// <summary>
    /// The problems, none when: per candidate the applied batches are 0, 1, 2, … with none twice or
    /// missing; the campaign is done with no candidate still relaxing; the total steps and batches are
    /// the sums over the candidates and over the journal's batches.
    /// </summary>
    public static IReadOnlyList<string> EveryBatchAppliedOnce(CampaignJournal journal)
    {
        var problems = new List<string>();
        var events = JournalFile.Read(journal);
        var applied = events.Where(e => e.Event is BatchCompleted)
            .GroupBy(e => e.PersistenceId)
            .ToDictionary(g => g.Key, g => g.Select(e => ((BatchCompleted)e.Event).BatchNumber).ToList());
        if (applied.Count == 0) problems.Add("no batch was applied");
        foreach (var (candidate, batches) in applied)
            if (!batches.SequenceEqual(Enumerable.Range(0, batches.Count)))
                problems.Add($"{candidate}: batches {string.Join(",", batches)}");

        var record = CampaignRecord.Read(journal);
        if (record.Phase != CampaignPhase.Done) problems.Add($"the campaign is {record.Phase}, not done");
        problems.AddRange(record.Results.Where(r => r.Status == CandidateStatus.Relaxing).Select(r => $"candidate {r.Id} is still {r.Status}"));
        var candidateSteps = record.Candidates.Sum(c => (long)c.Steps);
        if (candidateSteps != record.Totals.Steps) problems.Add($"total steps {record.Totals.Steps}, the candidates' sum {candidateSteps}");
        var journalSteps = events.Select(e => e.Event).OfType<BatchCompleted>().Sum(b => (long)b.StepCount);
        if (journalSteps != record.Totals.Steps) problems.Add($"total steps {record.Totals.Steps}, the journal's batches hold {journalSteps}");
        var journalBatches = applied.Values.Sum(b => (long)b.Count);
        if (journalBatches != record.Totals.Batches) problems.Add($"total batches {record.Totals.Batches}, the journal holds {journalBatches}");
        return problems;
    }
}
