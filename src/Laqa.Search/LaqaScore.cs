namespace Laqa.Search;

/// <summary>
/// The CrySPY LAQA score L = -E + wF F² / (2 dF) + wS S (Terayama et al. 2018; stress term from
/// Yamashita and Sekine 2022), with E the enthalpy per atom H/N = E/N + pV/N under an external
/// pressure p, as CrySPY takes it from QE and VASP. Higher means more promising: a low enthalpy now,
/// or a large force that is still falling slowly (a long way left to go downhill), or a large stress.
/// </summary>
public static class LaqaScore
{
    /// <summary>dF never goes below this, so a stalled force does not give an infinite score.</summary>
    public const double MinForceChange = 1e-6;

    /// <summary>+∞ before the first batch (every candidate is tried once), -∞ once converged, failed or at the step limit.</summary>
    public static double Of(CandidateSnapshot s, LaqaWeights w)
    {
        if (s.IsTerminal) return double.NegativeInfinity;
        if (s.Batches == 0 || s.Status == CandidateStatus.Pending) return double.PositiveInfinity;
        return -s.EnthalpyPerAtom + Bias(s, w);
    }

    /// <summary>
    /// The part of the score beyond -H, wF F² / (2 dF) + wS S, from the last applied batch whatever
    /// the candidate's status (so it is finite for converged candidates too).
    /// </summary>
    public static double Bias(CandidateSnapshot s, LaqaWeights w)
    {
        var dF = Math.Max(s.ForceChange, MinForceChange);
        return w.Force * s.MeanForceNorm * s.MeanForceNorm / (2.0 * dF) + w.Stress * s.MeanAbsStress;
    }

    /// <summary>
    /// dF of one batch from the mean force norm at each of its steps: |F_last - F_previous|, 1.0 when
    /// the batch has a single step, floored at <see cref="MinForceChange"/>.
    /// </summary>
    public static double ForceChange(IReadOnlyList<double> meanForceNormsOfBatch)
    {
        var n = meanForceNormsOfBatch.Count;
        if (n == 0) throw new ArgumentException("a batch has at least one step", nameof(meanForceNormsOfBatch));
        if (n == 1) return 1.0;
        return Math.Max(Math.Abs(meanForceNormsOfBatch[n - 1] - meanForceNormsOfBatch[n - 2]), MinForceChange);
    }
}
