namespace Laqa.Search;

/// <summary>
/// What the race policy ranks waiting candidates by, all at the same number of steps: H − a·F, the
/// enthalpy per atom less <see cref="ForceReach"/> times the mean force norm (a candidate still under
/// large forces has further to fall). Lower is better.
/// </summary>
public static class RaceLookAhead
{
    /// <summary>a (Å): how far a mean force is taken to still move the atoms (chosen on tuning seeds, docs/benchmarks.md).</summary>
    public const double ForceReach = 0.2;

    /// <summary>H − a·F (eV/atom); NaN (a broken snapshot) becomes +∞, last.</summary>
    public static double Of(CandidateSnapshot s)
    {
        var energy = s.EnthalpyPerAtom - ForceReach * s.MeanForceNorm;
        return double.IsNaN(energy) ? double.PositiveInfinity : energy;
    }
}
