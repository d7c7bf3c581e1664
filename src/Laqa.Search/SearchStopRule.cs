using System.Globalization;

namespace Laqa.Search;

/// <summary>
/// The early ends of a search a user can ask for: a candidate converged at or below a target enthalpy
/// per atom, or a best that has not improved by <see cref="Improvement"/> within a number of selections
/// (a laqa-sync round is one selection; an rs or laqa-async take is one). The best is the lowest
/// enthalpy per atom of any candidate that has completed a batch and not failed, as the campaign's totals
/// rank it. Counted from the start of this run: a resumed campaign counts its selections anew.
/// </summary>
public sealed class SearchStopRule(double? targetEnthalpy, int? noImprovementSelections)
{
    /// <summary>Less than this is noise of an optimiser's last steps, not a better structure (eV/atom).</summary>
    public const double Improvement = 1e-3;

    private double _reference = double.PositiveInfinity;
    private int _selectionsAtReference;
    private int _selections;

    /// <summary>Why the search should end, once a criterion is met; it stays met.</summary>
    public string? Reason { get; private set; }

    public void Observe(CandidateSnapshot snapshot)
    {
        if (snapshot.Status == CandidateStatus.Failed || snapshot.Batches == 0) return;
        var enthalpy = snapshot.EnthalpyPerAtom;
        if (enthalpy < _reference - Improvement || double.IsPositiveInfinity(_reference))
        {
            _reference = enthalpy;
            _selectionsAtReference = _selections;
        }
        if (targetEnthalpy is { } target && snapshot.Status == CandidateStatus.Converged && enthalpy <= target)
            Reason ??= $"candidate {snapshot.Id} converged at {Format(enthalpy)} eV/atom, at or below the target {Format(target)} (stop.target-enthalpy)";
    }

    /// <summary>The number of selections made so far.</summary>
    public void Selected(int selections)
    {
        _selections = selections;
        if (noImprovementSelections is { } n && !double.IsPositiveInfinity(_reference) && selections - _selectionsAtReference >= n)
            Reason ??= $"the best did not improve by {Format(Improvement)} eV/atom in {n} selections (stop.no-improvement-selections)";
    }

    private static string Format(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
}
