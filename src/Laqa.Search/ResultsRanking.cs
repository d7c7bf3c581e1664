namespace Laqa.Search;

/// <summary>Order for results tables: lowest enthalpy (energy at zero pressure) per atom first, ties by id; NaN last.</summary>
public static class ResultsRanking
{
    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> results, Func<T, double> enthalpyPerAtom, Func<T, int> id) =>
        [.. results
            .OrderBy(r => double.IsNaN(enthalpyPerAtom(r)) ? 1 : 0)
            .ThenBy(enthalpyPerAtom)
            .ThenBy(id)];

    /// <summary>Snapshots that have at least one applied batch (an energy), best first.</summary>
    public static IReadOnlyList<CandidateSnapshot> Rank(IEnumerable<CandidateSnapshot> snapshots) =>
        Rank(snapshots.Where(s => s.Batches > 0), s => s.EnthalpyPerAtom, s => s.Id);
}
