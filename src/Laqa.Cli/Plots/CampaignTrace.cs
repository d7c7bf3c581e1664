namespace Laqa.Cli.Plots;

/// <summary>A point of a plot against effort: the campaign's relaxation steps applied so far (journal order) and an enthalpy per atom (eV/atom).</summary>
public readonly record struct StepPoint(long Steps, double EnthalpyPerAtom);

/// <summary>One candidate's enthalpy per atom after each of its applied batches, against the campaign's steps when the batch was applied.</summary>
public sealed record CandidateTrace(int Id, IReadOnlyList<StepPoint> Batches)
{
    /// <summary>Relaxation steps the candidate received (its share of the campaign's effort).</summary>
    public int Steps { get; init; }
}

/// <summary>
/// The LAQA scores the selector saw at selection number Selection (the one with most finite scores, the latest of those):
/// the finite scores of every candidate known then, and those of the candidates it took.
/// </summary>
public sealed record ScoreSample(int Selection, double[] Scores, double[] Selected, int Known);

/// <summary>
/// What the plots show of a campaign, replayed from its journal: its search (e.g. "laqa sync", "rs"), pressure (eV/Å³,
/// energies are enthalpies under it), every candidate's batches, the best-so-far enthalpy per atom (a step each time it
/// changed, ending at the campaign's total steps) and the scores at the selection with most finite scores (null when none had one).
/// </summary>
public sealed record CampaignTrace(
    string Title,
    string Search,
    double ExternalPressure,
    long TotalSteps,
    IReadOnlyList<CandidateTrace> Candidates,
    IReadOnlyList<StepPoint> BestSoFar,
    int? BestCandidate,
    ScoreSample? Scores);
