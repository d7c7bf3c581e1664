using Laqa.Crystal.Generation;
using Laqa.Crystal.Neighbours;
using Xunit;

namespace Laqa.Crystal.Tests.Generation;

/// <summary>The minimum distances checked through the neighbour list, a second code path to the generator's own test.</summary>
internal static class MinimumDistanceCheck
{
    /// <summary>The first pair closer than its minimum distance, as "Na-Cl at 1.234 Å"; null when every pair keeps it.</summary>
    public static string? FirstViolation(Structure s, MinimumDistances distances)
    {
        var list = NeighbourList.Build(s, distances.Largest);
        for (var i = 0; i < s.Count; i++)
        for (var k = list.Start[i]; k < list.Start[i + 1]; k++)
            if (list.Distance[k] < distances.Get(s.Species[i], s.Species[list.Index[k]]) - 1e-9)
                return $"{s.Species[i]}-{s.Species[list.Index[k]]} at {list.Distance[k]:F3} Å";
        return null;
    }

    public static void AssertHold(Structure s, MinimumDistances distances) => Assert.Null(FirstViolation(s, distances));
}
