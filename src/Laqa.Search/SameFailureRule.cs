using System.Text.RegularExpressions;

namespace Laqa.Search;

/// <summary>
/// Tells when a campaign should stop because its calculator cannot work at all: the first
/// <see cref="CandidatesToStop"/> candidates to fail all failed before any relaxation step, with the
/// same reason (a bad namelist key, a pseudopotential pw.x cannot read, an SCF that never converges
/// for lack of smearing), and no candidate has taken a step yet. Then every candidate would fail
/// the same way, one by one. Any candidate with a step, or a second reason, disarms the rule for good.
/// </summary>
public sealed partial class SameFailureRule
{
    public const int CandidatesToStop = 3;

    private readonly HashSet<int> _failed = [];
    private string? _reason;
    private bool _disarmed;

    /// <summary>The reason to stop the campaign, once, when this snapshot (with its failure reason, if it failed) completes the pattern.</summary>
    public string? Observe(CandidateSnapshot snapshot, string? failureReason)
    {
        if (_disarmed) return null;
        if (snapshot.Steps > 0 || (snapshot.Status == CandidateStatus.Failed && failureReason is null))
        {
            _disarmed = true;
            return null;
        }
        if (snapshot.Status != CandidateStatus.Failed) return null;
        var reason = WithoutWorkFolder(failureReason!);
        _reason ??= reason;
        if (_reason != reason)
        {
            _disarmed = true;
            return null;
        }
        if (!_failed.Add(snapshot.Id) || _failed.Count < CandidatesToStop) return null;
        _disarmed = true;
        return $"the first {_failed.Count} candidates to fail all failed before any step with the same error, which would fail every candidate: {reason}";
    }

    /// <summary>An external code's failure names the candidate's own work folder last, "(in calc/3/0-1)".</summary>
    public static string WithoutWorkFolder(string reason) => WorkFolderSuffix().Replace(reason, "");

    [GeneratedRegex(@" \(in [^()]*\)$")]
    private static partial Regex WorkFolderSuffix();
}
