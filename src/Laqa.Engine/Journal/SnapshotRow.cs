using Laqa.Search;

namespace Laqa.Engine.Journal;

/// <summary>A candidate known to the search as the read model holds it: its snapshot, as it reports it to the selector, and how many selections took it.</summary>
public sealed record SnapshotRow(CandidateSnapshot Snapshot, int TimesSelected);
