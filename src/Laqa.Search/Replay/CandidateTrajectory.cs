namespace Laqa.Search.Replay;

/// <summary>
/// Every snapshot one candidate reports over its whole relaxation, in order: the first at creation
/// (Pending with Batches 0, or Failed when generation failed), then one after each applied batch, and a
/// last one if the candidate failed without its batch being applied. A candidate's relaxation does not
/// depend on the policy, so the same trajectory serves every policy.
/// </summary>
public sealed record CandidateTrajectory(int Id, IReadOnlyList<CandidateSnapshot> Snapshots)
{
    public CandidateSnapshot Final => Snapshots[^1];
}
