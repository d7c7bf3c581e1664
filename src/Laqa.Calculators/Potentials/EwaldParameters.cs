namespace Laqa.Calculators.Potentials;

/// <summary>
/// Splitting parameter α (1/Å) of the Ewald sum, the real-space cut-off (Å) and the
/// reciprocal-space cut-off |k| (1/Å, k including the factor 2π).
/// </summary>
public sealed record EwaldParameters(double Alpha, double RealCutoff, double ReciprocalCutoff)
{
    // Costs relative to one (k-vector, atom) term of the reciprocal sum, measured on Na32Cl32: visiting a
    // pair within the pair loop's reach (with its short-range term), and its real-space Coulomb term.
    private const double PairVisitCost = 16.0;
    private const double RealSpaceCoulombCost = 6.0;

    // Each part is converged to this fraction of the target: the estimates are within a factor of 5 of
    // the errors measured on rock salt, corundum and random cells, and the stress errs by up to
    // 2α²rc² (N/V) times the energy per atom.
    private const double SafetyFactor = 0.02;

    /// <summary>
    /// Parameters that converge the Coulomb energy to <paramref name="energyPerAtom"/> (eV/atom)
    /// at the least estimated cost, for <paramref name="atomCount"/> ions in volume
    /// <paramref name="volume"/> (Å³) whose charges squared sum to <paramref name="chargeSquareSum"/>.
    /// Pairs within <paramref name="shortRangeCutoff"/> (Å) are visited anyway, which favours a
    /// real-space cut-off up to it.
    /// </summary>
    public static EwaldParameters ForAccuracy(double volume, int atomCount, double chargeSquareSum, double energyPerAtom, double shortRangeCutoff = 0.0)
    {
        if (!(chargeSquareSum > 0)) throw new ArgumentOutOfRangeException(nameof(chargeSquareSum), "no charges to sum");
        var target = SafetyFactor * energyPerAtom;
        var meanChargeSquare = chargeSquareSum / atomCount;
        var density = atomCount / volume;
        // Start from the classic balance α = √π (w N / V²)^(1/6) at equal real and reciprocal exponents, then
        // search ln α by golden section with the cut-offs solved from the estimates at each α.
        var balanced = Math.Sqrt(Math.PI) * Math.Pow((PairVisitCost + RealSpaceCoulombCost) * atomCount / (volume * volume), 1.0 / 6.0);
        var pairsPerUnitCube = (2.0 * Math.PI / 3.0) * density;
        double Cost(double logAlpha)
        {
            var alpha = Math.Exp(logAlpha);
            var rc = RealCutoffFor(alpha, density, meanChargeSquare, target);
            var kc = ReciprocalCutoffFor(alpha, meanChargeSquare, target);
            var reach = Math.Max(rc, shortRangeCutoff);
            return pairsPerUnitCube * (PairVisitCost * reach * reach * reach + RealSpaceCoulombCost * rc * rc * rc)
                + volume / (12.0 * Math.PI * Math.PI) * kc * kc * kc;
        }
        var best = GoldenSectionMinimum(Cost, Math.Log(balanced) - Math.Log(4.0), Math.Log(balanced) + Math.Log(4.0));
        var chosen = Math.Exp(best);
        return new EwaldParameters(chosen,
            RealCutoffFor(chosen, density, meanChargeSquare, target),
            ReciprocalCutoffFor(chosen, meanChargeSquare, target));
    }

    /// <summary>
    /// Estimated real-space truncation error per ion (eV): ½ ke q² times the r.m.s. potential of
    /// the ions beyond rc with uncorrelated signs, using erfc(x) ≤ exp(−x²)/(x√π). It is not divided
    /// by √N: in a crystal equivalent ions err alike.
    /// </summary>
    private static double RealSpaceError(double alpha, double cutoff, double density, double meanChargeSquare) =>
        0.5 * EwaldSummation.CoulombConstant * meanChargeSquare * Math.Exp(-alpha * alpha * cutoff * cutoff)
        * Math.Sqrt(density / (cutoff * cutoff * cutoff)) / (alpha * alpha);

    private static double RealCutoffFor(double alpha, double density, double meanChargeSquare, double target)
    {
        // Newton on ln(error) − ln(target), which is concave and decreasing in rc.
        var rc = 3.0 / alpha;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var f = Math.Log(RealSpaceError(alpha, rc, density, meanChargeSquare) / target);
            var slope = -2.0 * alpha * alpha * rc - 1.5 / rc;
            var step = f / slope;
            rc = Math.Max(rc - step, 0.5 * rc);
            if (Math.Abs(step) < 1e-10 * rc) break;
        }
        return rc;
    }

    private static double ReciprocalCutoffFor(double alpha, double meanChargeSquare, double target)
    {
        // The reciprocal-space error per ion, ke q² α erfc(kc/2α)/√π (the omitted k terms with |S(k)|² at its
        // mean, the k-points as a continuum), equals target: Newton in x = kc/2α on ln erfc(x) = ln(target √π / (ke q² α)).
        var goal = Math.Log(target * Math.Sqrt(Math.PI) / (EwaldSummation.CoulombConstant * meanChargeSquare * alpha));
        if (goal >= 0) return 0.0;
        var x = Math.Sqrt(-goal);
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var erfc = ErrorFunction.ErfcWithGaussian(x, out var gaussian);
            var f = Math.Log(erfc) - goal;
            var slope = -2.0 * gaussian / (Math.Sqrt(Math.PI) * erfc);
            var step = f / slope;
            x = Math.Max(x - step, 0.5 * x);
            if (Math.Abs(step) < 1e-10 * x) break;
        }
        return 2.0 * alpha * x;
    }

    private static double GoldenSectionMinimum(Func<double, double> f, double lower, double upper)
    {
        var ratio = (Math.Sqrt(5.0) - 1.0) / 2.0;
        double c = upper - ratio * (upper - lower), d = lower + ratio * (upper - lower);
        double fc = f(c), fd = f(d);
        for (var iteration = 0; iteration < 40; iteration++)
        {
            if (fc < fd)
            {
                upper = d;
                d = c;
                fd = fc;
                c = upper - ratio * (upper - lower);
                fc = f(c);
            }
            else
            {
                lower = c;
                c = d;
                fc = fd;
                d = lower + ratio * (upper - lower);
                fd = f(d);
            }
        }
        return 0.5 * (lower + upper);
    }
}
