using Laqa.Engine.Campaign;

namespace Laqa.Cli;

/// <summary>
/// The space group of the best candidate's structure in live progress, by spglib at the results
/// table's tolerance; computed once per structure the reporter fetched, "?" while none matches the best.
/// </summary>
public sealed class BestSpaceGroup
{
    private BestStructure? _analysed;
    private string _symbol = "?";

    public string Of(CampaignProgress progress)
    {
        if (progress.Best is not { } best || best.Id != progress.Totals.BestCandidate) return "?";
        if (!ReferenceEquals(best, _analysed))
        {
            _analysed = best;
            _symbol = ResultsTable.SpaceGroupOf(best.Structure, ResultsTable.RelaxedSymprec);
        }
        return _symbol;
    }
}
