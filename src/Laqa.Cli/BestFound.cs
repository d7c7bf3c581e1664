using System.Globalization;
using Laqa.Engine.Campaign;
using Laqa.Search;

namespace Laqa.Cli;

/// <summary>The line naming the best structure so far and how many relaxation steps the search had spent when it found it.</summary>
public static class BestFound
{
    /// <summary>
    /// best is the best candidate's row (null when unknown); stepsToBest and stepsToBestMinimum as CampaignRecord's (the second is
    /// said when smaller: the minimum was reached before the candidate that ends lowest in it converged); under an external
    /// pressure (eV/Å³) the best is named by its enthalpy per atom, at zero pressure by its energy per atom.
    /// </summary>
    public static string Line(CampaignTotals totals, ResultRow? best, long? stepsToBest, long? stepsToBestMinimum, double pressure)
    {
        if (totals.BestEnthalpyPerAtom is not { } enthalpy) return "best: none yet";
        var found = (stepsToBest, best?.Status) switch
        {
            ({ } x, CandidateStatus.StepLimit) => $"best found after {x} of {totals.Steps} steps, stopped at the step limit without converging",
            ({ } x, _) when stepsToBestMinimum < x =>
                $"best found after {x} of {totals.Steps} steps (a candidate within {StepsToBest.MinimumTolerance * 1000:G} meV/atom of it converged after {stepsToBestMinimum})",
            ({ } x, _) => $"best found after {x} of {totals.Steps} steps",
            _ => $"not converged yet, {totals.Steps} steps so far",
        };
        var quantity = ExternalPressure.IsZero(pressure) ? "" : $"enthalpy at {ExternalPressure.GPa(pressure)} GPa ";
        return string.Create(CultureInfo.InvariantCulture, $"best {quantity}{enthalpy:F5} eV/atom: candidate {totals.BestCandidate}, {best?.RelaxedSpaceGroup ?? "-"}; {found}");
    }
}
