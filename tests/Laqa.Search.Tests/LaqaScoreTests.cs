namespace Laqa.Search.Tests;

/// <summary>Expected values are worked out by hand from L = -E + wF F²/(2 dF) + wS S (CrySPY, Terayama 2018, Yamashita 2022).</summary>
public class LaqaScoreTests
{
    private static CandidateSnapshot Relaxing(double e, double f, double dF, double s) =>
        new(0, CandidateStatus.Relaxing, e, f, dF, s, 10, 1);

    [Fact]
    public void ScoreFollowsTheFormulaWithDefaultWeights()
    {
        // 4.30 + 0.1 * 0.0625 / 0.08 + 10 * 0.003 = 4.30 + 0.078125 + 0.03
        Assert.Equal(4.408125, LaqaScore.Of(Relaxing(-4.30, 0.25, 0.04, 0.003), new LaqaWeights()), 12);
    }

    [Fact]
    public void ScoreFromPerAtomForcesAndTheStressTensor()
    {
        // Last step: |(0.3, 0.4, 0)| = 0.5 and |(0, 0, 0.3)| = 0.3, mean F = 0.4.
        // Previous step: |(0.6, 0.8, 0)| = 1.0 and |(0, 0, 0.2)| = 0.2, mean 0.6; dF = 0.2.
        double[][] previous = [[0.6, 0.8, 0], [0, 0, 0.2]];
        double[][] last = [[0.3, 0.4, 0], [0, 0, 0.3]];
        // σ = [[-0.01, 0.005, 0.005], [0.005, 0.02, 0.005], [0.005, 0.005, 0.03]]: Σ|σ_ij| = 0.09, mean 0.01.
        double[] stress = [-0.01, 0.005, 0.005, 0.005, 0.02, 0.005, 0.005, 0.005, 0.03];
        static double MeanNorm(double[][] forces) => forces.Average(f => Math.Sqrt(f.Sum(c => c * c)));

        var dF = LaqaScore.ForceChange([MeanNorm(previous), MeanNorm(last)]);
        var snapshot = Relaxing(-3.5, MeanNorm(last), dF, stress.Average(Math.Abs));

        Assert.Equal(0.2, dF, 12);
        // 3.5 + 0.1 * 0.16 / 0.4 + 10 * 0.01 = 3.64
        Assert.Equal(3.64, LaqaScore.Of(snapshot, new LaqaWeights()), 12);
    }

    [Fact]
    public void WeightsScaleTheirTerms()
    {
        var s = Relaxing(-2.0, 0.5, 0.1, 0.02);
        Assert.Equal(2.0, LaqaScore.Of(s, new LaqaWeights(0, 0)), 12);
        // 2 + 1 * 0.25 / 0.2 = 3.25
        Assert.Equal(3.25, LaqaScore.Of(s, new LaqaWeights(1, 0)), 12);
        // 2 + 5 * 0.02 = 2.1
        Assert.Equal(2.1, LaqaScore.Of(s, new LaqaWeights(0, 5)), 12);
    }

    [Fact]
    public void AOneStepBatchHasForceChangeOne()
    {
        Assert.Equal(1.0, LaqaScore.ForceChange([0.7]));
        // 1.2 + 0.1 * 0.49 / 2 = 1.2245
        Assert.Equal(1.2245, LaqaScore.Of(Relaxing(-1.2, 0.7, LaqaScore.ForceChange([0.7]), 0), new LaqaWeights()), 12);
    }

    [Fact]
    public void ForceChangeUsesOnlyTheLastTwoSteps()
    {
        Assert.Equal(0.25, LaqaScore.ForceChange([9.0, 0.5, 0.75]), 12);
    }

    [Fact]
    public void ForceChangeIsFloored()
    {
        Assert.Equal(1e-6, LaqaScore.ForceChange([0.3, 0.3]));
        Assert.Equal(1e-6, LaqaScore.ForceChange([0.3, 0.3 + 1e-9]));
        // A snapshot with dF = 0 is floored too: 1 + 0.1 * 1e-4 / 2e-6 = 6
        Assert.Equal(6.0, LaqaScore.Of(Relaxing(-1.0, 0.01, 0, 0), new LaqaWeights()), 9);
    }

    [Fact]
    public void ForceChangeOfAnEmptyBatchIsAnError()
    {
        Assert.Throws<ArgumentException>(() => LaqaScore.ForceChange([]));
    }

    [Fact]
    public void PendingIsPlusInfinityAndDoneIsMinusInfinity()
    {
        var w = new LaqaWeights();
        Assert.Equal(double.PositiveInfinity, LaqaScore.Of(CandidateSnapshot.Created(3), w));
        Assert.Equal(double.NegativeInfinity, LaqaScore.Of(Relaxing(-9, 1, 1, 1) with { Status = CandidateStatus.Converged }, w));
        Assert.Equal(double.NegativeInfinity, LaqaScore.Of(Relaxing(-9, 1, 1, 1) with { Status = CandidateStatus.Failed }, w));
        Assert.Equal(double.NegativeInfinity, LaqaScore.Of(CandidateSnapshot.Created(3) with { Status = CandidateStatus.Failed }, w));
    }

    [Fact]
    public void BiasIsTheScoreBeyondMinusEAndStaysFiniteOnceConverged()
    {
        var s = Relaxing(-4.30, 0.25, 0.04, 0.003);
        // 0.1 * 0.0625 / 0.08 + 10 * 0.003 = 0.108125
        Assert.Equal(0.108125, LaqaScore.Bias(s, new LaqaWeights()), 12);
        Assert.Equal(LaqaScore.Of(s, new LaqaWeights()), 4.30 + LaqaScore.Bias(s, new LaqaWeights()), 12);
        Assert.Equal(0.108125, LaqaScore.Bias(s with { Status = CandidateStatus.Converged }, new LaqaWeights()), 12);
    }

    [Fact]
    public void UnderPressureScoreRankingAndBestGoByEnthalpyNotEnergy()
    {
        // p = 0.05 eV/Å³ (8.0 GPa). Candidate 0: E = -4.60 eV/atom at 20 Å³/atom, H = -4.60 + 0.05 * 20 = -3.60.
        // Candidate 1: E = -4.55 eV/atom at 16 Å³/atom, H = -4.55 + 0.05 * 16 = -3.75: higher in energy, lower in enthalpy.
        var loose = new CandidateSnapshot(0, CandidateStatus.Relaxing, -4.60, 0, 1, 0, 10, 1, PressureVolumePerAtom: 0.05 * 20);
        var dense = new CandidateSnapshot(1, CandidateStatus.Relaxing, -4.55, 0, 1, 0, 10, 1, PressureVolumePerAtom: 0.05 * 16);

        Assert.Equal(-3.60, loose.EnthalpyPerAtom, 12);
        Assert.Equal(-3.75, dense.EnthalpyPerAtom, 12);
        // No force and no stress: L = -H.
        Assert.Equal(3.60, LaqaScore.Of(loose, new LaqaWeights()), 12);
        Assert.Equal(3.75, LaqaScore.Of(dense, new LaqaWeights()), 12);
        Assert.Equal([1, 0], ResultsRanking.Rank([loose, dense]).Select(s => s.Id));
        Assert.Equal(1, Replay.FinalBest.Of([loose with { Status = CandidateStatus.Converged }, dense with { Status = CandidateStatus.Converged }]));
    }
}
