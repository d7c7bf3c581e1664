using System.Globalization;
using Laqa.Crystal;
using Laqa.Engine.Serialization;

namespace Laqa.Engine.Campaign;

public enum CampaignPhase { Generating, Searching, Done }

/// <summary>
/// Campaign event: the campaign folder was started for the campaign with this fingerprint and these
/// defining settings ("key = value" lines; absent in journals written before they were kept), and
/// the step budget of one candidate and the external pressure in eV/Å³ (each absent in journals
/// written before it was kept).
/// </summary>
public sealed record CampaignStarted(
    string Fingerprint, int CandidateCount, IReadOnlyList<string>? Settings = null, int? MaxStepsPerCandidate = null, double? ExternalPressure = null) : ILaqaMessage
{
    private const string MaxStepsSetting = "laqa.search.max-steps-per-candidate = ";
    private const string PressureSetting = "laqa.relaxer.pressure = ";

    /// <summary>The external pressure (eV/Å³); from the defining settings (GPa) in journals that did not keep it apart; 0 when neither holds it.</summary>
    public double RelaxationPressure => ExternalPressure ??
        (Settings?.FirstOrDefault(s => s.StartsWith(PressureSetting, StringComparison.Ordinal)) is { } line &&
         double.TryParse(line.AsSpan(PressureSetting.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var gpa)
            ? PressureUnits.FromGPa(gpa)
            : 0);

    /// <summary>The step budget of one candidate; from the defining settings in journals that did not keep it apart; null when neither holds it.</summary>
    public int? StepBudget => MaxStepsPerCandidate ??
        (Settings?.FirstOrDefault(s => s.StartsWith(MaxStepsSetting, StringComparison.Ordinal)) is { } line &&
         int.TryParse(line.AsSpan(MaxStepsSetting.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var steps)
            ? steps
            : null);
}

/// <summary>Campaign event: the phase changed (Reason says why the search ended).</summary>
public sealed record CampaignPhaseChanged(CampaignPhase Phase, string? Reason) : ILaqaMessage;
