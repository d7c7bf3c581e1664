using Laqa.Crystal;
using Akka.Actor;
using Laqa.Engine.Selection;
using Laqa.Engine.Serialization;

namespace Laqa.Engine.Campaign;

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
