using System.Globalization;
using Laqa.Crystal;
using Akka.Actor;
using Laqa.Engine.Selection;
using Laqa.Engine.Serialization;
using Laqa.Search.Campaign;

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

/// <summary>Subscribes to <see cref="CampaignProgress"/>, <see cref="CampaignCompleted"/>, <see cref="CampaignStopped"/> and <see cref="CampaignRejected"/>.</summary>
public sealed record SubscribeToCampaign(IActorRef Subscriber) : ILaqaMessage;

/// <summary>Graceful stop: let in-flight batches finish, dispatch nothing new; the campaign can be resumed.</summary>
public sealed record StopCampaign : ILaqaMessage;

/// <summary>The selector's verdict that the calculator cannot work (<see cref="Laqa.Search.SameFailureRule"/>): the campaign stops as on <see cref="StopCampaign"/>, with this reason.</summary>
public sealed record AbortCampaign(string Reason) : ILaqaMessage;

/// <summary>
/// Where the campaign stands. The local reporter adds Workers (busy of known) and the best
/// candidate's current structure; each is null until first known.
/// </summary>
public sealed record CampaignProgress(CampaignPhase Phase, CampaignTotals Totals, WorkerLoad? Workers = null, BestStructure? Best = null) : ILaqaMessage;

/// <summary>The structure of candidate Id when its enthalpy per atom (energy at zero pressure) was EnthalpyPerAtom.</summary>
public sealed record BestStructure(int Id, double EnthalpyPerAtom, Structure Structure);

public sealed record CampaignCompleted(string Reason, CampaignTotals Totals) : ILaqaMessage;

/// <summary>The campaign stopped, resumable; Reason says why when it was not asked to (<see cref="AbortCampaign"/>).</summary>
public sealed record CampaignStopped(CampaignTotals Totals, string? Reason = null) : ILaqaMessage;

/// <summary>The campaign folder belongs to a different campaign (other fingerprint or candidate count).</summary>
public sealed record CampaignRejected(string Reason) : ILaqaMessage;
