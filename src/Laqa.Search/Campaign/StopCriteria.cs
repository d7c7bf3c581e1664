namespace Laqa.Search.Campaign;

/// <summary>
/// When the search stops besides "every candidate is done": after MaxTotalSteps applied relaxation
/// steps over all candidates (null: no limit).
/// </summary>
public sealed record StopCriteria(long? MaxTotalSteps)
{
    public static readonly StopCriteria Default = new((long?)null);
}
