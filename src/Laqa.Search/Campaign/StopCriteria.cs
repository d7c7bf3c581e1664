namespace Laqa.Search.Campaign;

/// <summary>
/// When the search stops besides "every candidate is done": after MaxTotalSteps applied relaxation
/// steps over all candidates; once a candidate converges at or below TargetEnthalpy (eV/atom, the
/// energy at zero pressure); after NoImprovementSelections selections in which the best did not improve
/// (<see cref="SearchStopRule"/>). MaxWallTime stops the run as a signal would, resumable. Null: no limit.
/// </summary>
public sealed record StopCriteria(long? MaxTotalSteps, TimeSpan? MaxWallTime = null, int? NoImprovementSelections = null, double? TargetEnthalpy = null)
{
    public static readonly StopCriteria Default = new((long?)null);
}
