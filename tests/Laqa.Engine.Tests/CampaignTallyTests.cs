using Laqa.Engine.Campaign;
using Laqa.Search;
using Xunit;

namespace Laqa.Engine.Tests;

/// <summary>The running tally against a recount of every candidate's latest snapshot.</summary>
public sealed class CampaignTallyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TotalsKeptOneSnapshotAtATimeEqualARecountAfterEveryChange(int seed)
    {
        var random = new Random(seed);
        var tally = new CampaignTally();
        var latest = new Dictionary<int, CandidateSnapshot>();
        var statuses = Enum.GetValues<CandidateStatus>();
        for (var change = 0; change < 2_000; change++)
        {
            var id = random.Next(40);
            var steps = latest.TryGetValue(id, out var previous) ? previous.Steps + random.Next(0, 5) : random.Next(0, 3);
            // Few distinct energies, so ties decide the best candidate often.
            var snapshot = new CandidateSnapshot(id, statuses[random.Next(statuses.Length)], -random.Next(8) * 0.25, 0.1, 1.0, 0.01,
                steps, steps / 2, PressureVolumePerAtom: random.Next(2) * 0.125);
            tally.Set(snapshot);
            latest[id] = snapshot;
            Assert.Equal(Recount(latest.Values), tally.Totals);
        }
    }

    private static CampaignTotals Recount(IReadOnlyCollection<CandidateSnapshot> all)
    {
        var eligible = all.Where(s => s.Steps > 0 && s.Status is not (CandidateStatus.Failed or CandidateStatus.Duplicate))
            .OrderBy(s => s.EnthalpyPerAtom).ThenBy(s => s.Id).FirstOrDefault();
        return new CampaignTotals(all.Count,
            all.Count(s => s.Status == CandidateStatus.Converged),
            all.Count(s => s.Status == CandidateStatus.Failed),
            all.Count(s => s.Status == CandidateStatus.StepLimit),
            all.Sum(s => (long)s.Batches),
            all.Sum(s => (long)s.Steps),
            eligible?.EnthalpyPerAtom,
            eligible?.Id,
            all.Count(s => s.Status == CandidateStatus.Duplicate));
    }
}
