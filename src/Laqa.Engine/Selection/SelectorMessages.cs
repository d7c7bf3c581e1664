using Laqa.Engine.Serialization;
using Laqa.Search;

namespace Laqa.Engine.Selection;

/// <summary>Campaign → selector: start (or keep) handing out work.</summary>
public sealed record StartSearch : ILaqaMessage;

/// <summary>Campaign → selector: hand out no more work; answer <see cref="SearchDrained"/> once nothing is in flight.</summary>
public sealed record DrainSearch : ILaqaMessage;

/// <summary>Campaign → selector (after the campaign restarts): send every known snapshot and <see cref="SelectorReady"/> again.</summary>
public sealed record AnnounceToCampaign : ILaqaMessage;

/// <summary>Selector → campaign: every candidate's latest snapshot has been forwarded; waiting for <see cref="StartSearch"/>.</summary>
public sealed record SelectorReady : ILaqaMessage;

/// <summary>Selector → campaign: every candidate has been created (or failed to be).</summary>
public sealed record GenerationComplete : ILaqaMessage;

/// <summary>Selector → campaign: nothing more to run, and why.</summary>
public sealed record SearchEnded(string Reason) : ILaqaMessage;

/// <summary>Selector → campaign: after <see cref="DrainSearch"/>, nothing is in flight any more.</summary>
public sealed record SearchDrained : ILaqaMessage;

/// <summary>Asks the selector how many of the workers it knows are running a job; answered with <see cref="WorkerLoad"/>.</summary>
public sealed record GetWorkerLoad : ILaqaMessage;

public sealed record WorkerLoad(int Busy, int Workers, NodeLoad[] Nodes) : ILaqaMessage;

/// <summary>
/// The workers the selector knows on one node ("host:port"), how many of them run a job, the batches
/// they ran that were applied since the node's first worker came (Since) in this run of the campaign.
/// </summary>
public sealed record NodeLoad(string Address, int Workers, int Busy, int Batches, DateTimeOffset Since);

/// <summary>Asks the selector for its selection history; answered with <see cref="SelectionHistory"/>.</summary>
public sealed record GetSelectionHistory : ILaqaMessage;

public sealed record SelectionHistory(SelectionRecord[] Records) : ILaqaMessage;
