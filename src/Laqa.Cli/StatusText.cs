using Laqa.Search;

namespace Laqa.Cli;

/// <summary>A candidate's status as the tables show it: a duplicate names the converged candidate it matched.</summary>
public static class StatusText
{
    public static string Of(CandidateStatus status, int? duplicateOf) =>
        status == CandidateStatus.Duplicate && duplicateOf is { } of ? $"Duplicate of {of}" : status.ToString();

    /// <summary>
    /// What a duplicate saved: no step was spent on it after the batch that matched, so the steps it saves are those it would
    /// have taken to converge, which nobody knows; the table says the steps it had taken instead.
    /// </summary>
    public static string DuplicateReason(int steps) => $"stopped after its {steps} steps, none spent further";
}
