namespace Laqa.Search.Tests;

public class ResultsRankingTests
{
    [Fact]
    public void RanksByEnergyThenIdWithUnrelaxedLeftOutAndNaNLast()
    {
        CandidateSnapshot S(int id, double e, int batches = 1) => new(id, CandidateStatus.Relaxing, e, 0, 1, 0, batches, batches);
        var snapshots = new[] { S(4, -3.0), S(1, double.NaN), S(2, -4.0), S(0, -3.0), S(3, -5.0, batches: 0), S(5, -3.5) };

        Assert.Equal([2, 5, 0, 4, 1], ResultsRanking.Rank(snapshots).Select(s => s.Id));
    }

    [Fact]
    public void RanksAnyResultType()
    {
        var rows = new[] { (Id: 7, E: 1.0), (Id: 3, E: 1.0), (Id: 9, E: -2.0) };

        Assert.Equal([9, 3, 7], ResultsRanking.Rank(rows, r => r.E, r => r.Id).Select(r => r.Id));
    }
}
