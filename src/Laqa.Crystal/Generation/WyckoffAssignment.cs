using Laqa.Crystal.Symmetry;

namespace Laqa.Crystal.Generation;

/// <summary>One species placed on one Wyckoff position.</summary>
public readonly record struct WyckoffSite(int Species, WyckoffPosition Position);

/// <summary>
/// Chooses Wyckoff positions whose multiplicities sum exactly to each species' count in the
/// conventional cell; a position without free parameters is used at most once.
/// </summary>
public static class WyckoffAssignment
{
    // Bounds the random search so that an awkward group costs a retry, not an endless loop.
    private const int NodeBudget = 4000;

    /// <summary>Whether any assignment exists (exhaustive, memoised on the fixed positions still free).</summary>
    public static bool Exists(SpaceGroup group, IReadOnlyList<int> counts)
    {
        var positions = group.WyckoffPositions;
        var failed = new HashSet<(int, int, int, ulong)>();
        return Search(0, counts[0], 0, 0UL);

        bool Search(int species, int remaining, int item, ulong usedFixed)
        {
            if (remaining == 0)
                return species + 1 == counts.Count || Search(species + 1, counts[species + 1], 0, usedFixed);
            if (item == positions.Length || failed.Contains((species, remaining, item, usedFixed))) return false;
            var w = positions[item];
            var fixedBit = FixedBit(positions, item);
            var maxCopies = w.FreeParameterCount > 0 ? remaining / w.Multiplicity
                : (usedFixed & fixedBit) == 0 && w.Multiplicity <= remaining ? 1 : 0;
            for (var copies = maxCopies; copies >= 0; copies--)
            {
                var used = copies > 0 && w.FreeParameterCount == 0 ? usedFixed | fixedBit : usedFixed;
                if (Search(species, remaining - copies * w.Multiplicity, item + 1, used)) return true;
            }
            failed.Add((species, remaining, item, usedFixed));
            return false;
        }
    }

    /// <summary>A random assignment, or null when the bounded search found none this time.</summary>
    public static List<WyckoffSite>? Choose(SpaceGroup group, IReadOnlyList<int> counts, Random random)
    {
        var positions = group.WyckoffPositions;
        var order = Enumerable.Range(0, positions.Length).ToArray();
        var keys = new double[positions.Length];
        var chosen = new List<WyckoffSite>();
        var budget = NodeBudget;
        var used = new bool[positions.Length];
        for (var species = 0; species < counts.Count; species++)
        {
            // A random order weighted toward large orbits (Efraimidis–Spirakis keys, weight m²): mostly general
            // positions, so that few structures gain a supergroup by having every atom on special sites.
            for (var k = 0; k < keys.Length; k++) keys[k] = -Math.Pow(random.NextDouble(), 1.0 / (positions[k].Multiplicity * positions[k].Multiplicity));
            for (var k = 0; k < order.Length; k++) order[k] = k;
            Array.Sort((double[])keys.Clone(), order);
            if (!Fill(species, counts[species], 0)) return null;
        }
        return chosen;

        bool Fill(int species, int remaining, int item)
        {
            if (remaining == 0) return true;
            if (item == order.Length || --budget < 0) return false;
            var index = order[item];
            var w = positions[index];
            var maxCopies = w.FreeParameterCount > 0 ? remaining / w.Multiplicity : !used[index] && w.Multiplicity <= remaining ? 1 : 0;
            for (var copies = maxCopies; copies >= 0; copies--)
            {
                for (var c = 0; c < copies; c++) chosen.Add(new WyckoffSite(species, w));
                if (copies > 0 && w.FreeParameterCount == 0) used[index] = true;
                if (Fill(species, remaining - copies * w.Multiplicity, item + 1)) return true;
                chosen.RemoveRange(chosen.Count - copies, copies);
                if (copies > 0 && w.FreeParameterCount == 0) used[index] = false;
            }
            return false;
        }
    }

    // Fixed positions are few (at most 14 in a group), so a bit each in a 64-bit mask suffices.
    private static ulong FixedBit(IReadOnlyList<WyckoffPosition> positions, int item)
    {
        var bit = 0;
        for (var k = 0; k < item; k++)
            if (positions[k].FreeParameterCount == 0) bit++;
        return positions[item].FreeParameterCount == 0 ? 1UL << bit : 0UL;
    }
}
