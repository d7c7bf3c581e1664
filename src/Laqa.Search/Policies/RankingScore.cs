namespace Laqa.Search.Policies;

internal static class RankingScore
{
    /// <summary>The LAQA score with NaN (a broken snapshot) ranked last, so the order stays total.</summary>
    public static double Of(CandidateSnapshot snapshot, LaqaWeights weights)
    {
        var score = LaqaScore.Of(snapshot, weights);
        return double.IsNaN(score) ? double.NegativeInfinity : score;
    }
}
