namespace Laqa.Search.Policies;

/// <summary>
/// rs: relax candidates to the end in id order. A free worker takes the lowest id that is not done
/// and not in flight, so with W workers the W lowest unfinished candidates are in flight and each
/// keeps its worker until it is done.
/// </summary>
internal sealed class RandomSearchPolicy(SearchSpec spec, int candidateCount) : QueuePolicy(spec, candidateCount)
{
    protected override double Priority(CandidateSnapshot snapshot) => 0;
}
