namespace Laqa.Crystal.Symmetry;

/// <summary>The 230 space-group types, built on first use from <see cref="SpaceGroupTable"/>.</summary>
public static class SpaceGroups
{
    private static readonly Lazy<SpaceGroup[]> Groups = new(() =>
        [.. SpaceGroupTable.Rows().Select(r => new SpaceGroup(r.Number, r.Symbol, r.Hall))]);

    /// <summary>Space-group type 1..230; LaqaInputException otherwise.</summary>
    public static SpaceGroup Get(int number)
    {
        if (number is < 1 or > 230) throw new LaqaInputException($"space group number {number} is not in 1..230");
        return Groups.Value[number - 1];
    }

    public static IReadOnlyList<SpaceGroup> All => Groups.Value;
}
