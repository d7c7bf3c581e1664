using Laqa.Engine.Candidates;

namespace Laqa.Engine.Journal;

/// <summary>
/// A candidate as the read model keeps it: its state folded from its events (without the optimizer state, which only
/// the actors need), how many selections took it, and the campaign's applied steps, counted over every candidate in
/// the journal's order, through the batch with which it first converged and through its last batch (null before either).
/// </summary>
public sealed record CandidateEntry(CandidateState State, int TimesSelected, long? StepsAtConvergence, long? StepsThroughLastBatch)
{
    public static CandidateEntry Empty(int id) => new(CandidateState.Empty(id), 0, null, null);
}
