using Laqa.Engine.Candidates;

namespace Laqa.Engine.Journal;

/// <summary>A candidate's result as the read model holds it, with how many selections took it.</summary>
public sealed record CandidateRow(CandidateResult Result, int TimesSelected);
