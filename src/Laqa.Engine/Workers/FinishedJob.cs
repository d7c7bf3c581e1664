using Laqa.Engine.Candidates;

namespace Laqa.Engine.Workers;

/// <summary>
/// A job's end as the worker delivers it: the message for its candidate, or (Result null) the failure to report to the
/// selector, or (Abandoned) the job to give back unrun because the worker's node is stopping.
/// </summary>
public sealed record FinishedJob(Guid JobId, int CandidateId, ICandidateCommand? Result, string FailureReport, bool Abandoned = false);
