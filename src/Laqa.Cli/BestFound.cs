using System.Globalization;
using Laqa.Engine.Campaign;

namespace Laqa.Cli;

/// <summary>The line naming the best structure so far and how many relaxation steps the search had spent when it found it.</summary>
public static class BestFound
{
    public static string Line(CampaignTotals totals, string spaceGroup, long? stepsToBest)
    {
        if (totals.BestEnergyPerAtom is not { } energy) return "best: none yet";
        var found = stepsToBest is { } x
            ? $"best found after {x} of {totals.Steps} steps"
            : $"not converged yet, {totals.Steps} steps so far";
        return string.Create(CultureInfo.InvariantCulture, $"best {energy:F5} eV/atom: candidate {totals.BestCandidate}, {spaceGroup}; {found}");
    }
}
