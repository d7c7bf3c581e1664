namespace Laqa.Engine.Hosting;

/// <summary>A further campaign node found no node of the campaign's cluster left to join (<see cref="CampaignLease.CurrentSeed"/>).</summary>
public sealed class CampaignNodesGoneException() : Exception("the campaign's cluster has no node left to join");
