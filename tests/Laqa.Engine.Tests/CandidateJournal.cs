using Laqa.Engine.Candidates;
using Laqa.Engine.Journal;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>A candidate's history as read back from the raw journal rows.</summary>
public sealed record CandidateJournal(
    int Id, IReadOnlyList<long> SequenceNrs, int Created, IReadOnlyList<int> CompletedBatches, IReadOnlyList<double> EnergiesPerAtom,
    int Converged, int Failed)
{
    public static IReadOnlyDictionary<int, CandidateJournal> Read(string database) => Read(new SqliteJournal(database));

    public static IReadOnlyDictionary<int, CandidateJournal> Read(CampaignJournal journal) =>
        JournalReader.Read(journal, "candidate-")
            .GroupBy(r => int.Parse(r.PersistenceId["candidate-".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => new CandidateJournal(
                g.Key,
                [.. g.Select(r => r.SequenceNr)],
                g.Count(r => r.Manifest == nameof(CandidateCreated)),
                [.. g.Where(r => r.Manifest == nameof(BatchCompleted)).Select(r => r.Payload.GetProperty("BatchNumber").GetInt32())],
                [.. g.Where(r => r.Manifest == nameof(BatchCompleted))
                    .SelectMany(r => r.Payload.GetProperty("EnergiesPerAtom").EnumerateArray().Select(e => e.GetDouble()))],
                g.Count(r => r.Manifest == nameof(CandidateConverged)),
                g.Count(r => r.Manifest == nameof(CandidateFailed))));

    /// <summary>
    /// Exactly-once: journal sequence numbers 1..n without gaps, at most one creation and one terminal
    /// event, batch numbers 0, 1, 2, ... each once, and the result's batches, steps and per-step
    /// energies (bit for bit) are those of the journal.
    /// </summary>
    public void AssertMatches(CandidateResult result)
    {
        Assert.Equal(Enumerable.Range(1, SequenceNrs.Count).Select(i => (long)i), SequenceNrs);
        Assert.True(Created <= 1, $"candidate {Id} created {Created} times");
        Assert.Equal(Enumerable.Range(0, CompletedBatches.Count), CompletedBatches);
        Assert.Equal(result.Batches, CompletedBatches.Count);
        Assert.Equal(result.Steps, EnergiesPerAtom.Count);
        Assert.Equal(EnergiesPerAtom.Select(BitConverter.DoubleToInt64Bits), result.EnergiesPerAtom.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(result.Status == CandidateStatus.Converged ? 1 : 0, Converged);
        Assert.Equal(result.Status == CandidateStatus.Failed ? 1 : 0, Failed);
    }
}
