namespace Laqa.Search.Replay;

/// <summary>
/// The campaign's best candidate as the engine's totals define it: the lowest enthalpy per atom (energy at zero
/// pressure) at the last applied step among candidates that have steps and have not failed nor stopped as duplicates, lowest id on a tie.
/// </summary>
public static class FinalBest
{
    public static int? Of(IEnumerable<CandidateSnapshot> finals) =>
        finals
            .Where(s => s.Steps > 0 && s.Status is not (CandidateStatus.Failed or CandidateStatus.Duplicate))
            .OrderBy(s => s.EnthalpyPerAtom)
            .ThenBy(s => s.Id)
            .Select(s => (int?)s.Id)
            .FirstOrDefault();
}
