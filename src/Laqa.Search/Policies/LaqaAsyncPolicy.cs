namespace Laqa.Search.Policies;

/// <summary>laqa-async: a free worker takes the highest LAQA score not in flight (ties by id), no barrier.</summary>
internal sealed class LaqaAsyncPolicy(SearchSpec spec, int candidateCount) : QueuePolicy(spec, candidateCount)
{
    protected override double Priority(CandidateSnapshot snapshot) => -RankingScore.Of(snapshot, Spec.Laqa.Weights);
}
