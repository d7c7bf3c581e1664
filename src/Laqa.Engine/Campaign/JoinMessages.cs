using Laqa.Engine.Serialization;

namespace Laqa.Engine.Campaign;

/// <summary>A worker node that joined → campaign: what does this campaign compute? Build is the worker's <see cref="BuildIdentity"/>.</summary>
public sealed record JoinCampaign(string Build) : ILaqaMessage;

/// <summary>Worker node → campaign: it checked the campaign's config and started this many workers.</summary>
public sealed record WorkerNodeReady(int Workers) : ILaqaMessage;

/// <summary>
/// Campaign → worker node: the campaign's config (HOCON with includes resolved; relative paths are
/// taken from ConfigDirectory), its fingerprint and defining settings, for the worker to build the
/// same generator and relaxer and check that it did.
/// </summary>
public sealed record CampaignOffer(string ConfigText, string ConfigDirectory, string Fingerprint, IReadOnlyList<string> DefiningSettings) : ILaqaMessage;

/// <summary>Campaign → worker node: it may not work for this campaign, and why.</summary>
public sealed record JoinRefused(string Reason) : ILaqaMessage;
