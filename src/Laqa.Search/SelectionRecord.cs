namespace Laqa.Search;

/// <summary>One batch chosen by a selection: run batch number BatchNumber (0-based; = the candidate's Batches when chosen).</summary>
public readonly record struct SelectedBatch(int CandidateId, int BatchNumber);

/// <summary>
/// One selection: for laqa-sync a whole round (selection 0 is every candidate's first batch), for
/// rs and laqa-async a single take. A batch that was lost and taken again is not recorded twice.
/// </summary>
public sealed record SelectionRecord(int Selection, IReadOnlyList<SelectedBatch> Batches)
{
    public IEnumerable<int> CandidateIds => Batches.Select(b => b.CandidateId);

    public bool Equals(SelectionRecord? other) =>
        other is not null && Selection == other.Selection && Batches.SequenceEqual(other.Batches);

    public override int GetHashCode() => Batches.Aggregate(Selection, HashCode.Combine);

    public override string ToString() => $"#{Selection}: {string.Join(' ', Batches.Select(b => $"{b.CandidateId}/{b.BatchNumber}"))}";
}
