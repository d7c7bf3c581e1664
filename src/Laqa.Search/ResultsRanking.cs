namespace Laqa.Search;

/// <summary>Order for results tables: lowest energy per atom first, ties by id; NaN energies last.</summary>
public static class ResultsRanking
{
    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> results, Func<T, double> energyPerAtom, Func<T, int> id) =>
        [.. results
            .OrderBy(r => double.IsNaN(energyPerAtom(r)) ? 1 : 0)
            .ThenBy(energyPerAtom)
            .ThenBy(id)];

    /// <summary>Snapshots that have at least one applied batch (an energy), best first.</summary>
    public static IReadOnlyList<CandidateSnapshot> Rank(IEnumerable<CandidateSnapshot> snapshots) =>
        Rank(snapshots.Where(s => s.Batches > 0), s => s.EnergyPerAtom, s => s.Id);
}
