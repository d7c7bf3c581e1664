using Laqa.Engine.Serialization;
using Laqa.Search;

namespace Laqa.Engine.Selection;

/// <summary>
/// Selector event: the policy made a selection (persisted before any of its batches is dispatched),
/// having observed these candidate snapshots since the selector's previous event.
/// </summary>
public sealed record SelectionMade(SelectionRecord Record, CandidateSnapshot[] Observed) : ILaqaMessage;

/// <summary>Selector event: candidate snapshots observed since the previous event, with no selection made.</summary>
public sealed record CandidatesObserved(CandidateSnapshot[] Snapshots) : ILaqaMessage;

/// <summary>Selector snapshot: the selection history so far and the latest snapshot of every candidate observed.</summary>
public sealed record SelectorSnapshot(SelectionRecord[] History, CandidateSnapshot[] Latest) : ILaqaMessage;
