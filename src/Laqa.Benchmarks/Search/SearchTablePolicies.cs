using Laqa.Search;

namespace Laqa.Benchmarks.Search;

/// <summary>A policy of the search table: its label and the search settings it replays with.</summary>
public sealed record TablePolicy(string Label, SearchSpec Spec);

/// <summary>
/// The search table's policies: rs first, then LAQA sync and async with the papers' ablation of the
/// score (energy only: wF = wS = 0; E+F: wS = 0; E+F+S: the config's weights), nselect and the step
/// limit from the config; and race.
/// </summary>
public static class SearchTablePolicies
{
    public static IReadOnlyList<TablePolicy> For(SearchSpec configured)
    {
        var full = configured.Laqa.Weights;
        (string Name, LaqaWeights Weights)[] ablation = [("E", new LaqaWeights(0, 0)), ("E+F", full with { Stress = 0 }), ("E+F+S", full)];
        var list = new List<TablePolicy> { new("rs", configured with { Algorithm = SearchAlgorithm.Rs }) };
        foreach (var mode in new[] { LaqaMode.Sync, LaqaMode.Async })
            foreach (var (name, weights) in ablation)
                list.Add(new($"laqa {mode.ToString().ToLowerInvariant()} {name}",
                    configured with { Algorithm = SearchAlgorithm.Laqa, Laqa = configured.Laqa with { Mode = mode, Weights = weights } }));
        list.Add(new("race", configured with { Algorithm = SearchAlgorithm.Race }));
        return list;
    }
}
