namespace Laqa.Calculators.Potentials;

/// <summary>
/// The Buckingham catastrophe of a rigid-ion pair: with opposite charges, or with a dispersion term,
/// the bare pair energy E(r) = short-range(r) + k qᵢqⱼ/r falls to −∞ as r → 0, past a barrier at
/// small r. Inside the barrier every force pulls the pair further together, so no relaxation can
/// recover; the calculator fails such a geometry instead of following it to −10¹⁶ eV.
/// </summary>
public static class CoulombCollapse
{
    private const double ScanStart = 1e-3;
    private const double ScanStep = 1e-3;

    /// <summary>
    /// The distance (Å) of the barrier top: the innermost r where dE/dr turns from positive (attraction
    /// towards r = 0) to negative; 0 when the pair has no such collapse (within the scanned range up to maxDistance).
    /// </summary>
    public static double BarrierDistance(ShortRangePair pair, double chargeProduct, double maxDistance)
    {
        if (!(Derivative(pair, chargeProduct, ScanStart) > 0)) return 0.0;
        for (var r = ScanStart + ScanStep; r <= maxDistance; r += ScanStep)
        {
            if (Derivative(pair, chargeProduct, r) > 0) continue;
            double inside = r - ScanStep, outside = r;
            for (var k = 0; k < 50; k++)
            {
                var middle = 0.5 * (inside + outside);
                if (Derivative(pair, chargeProduct, middle) > 0) inside = middle;
                else outside = middle;
            }
            return inside;
        }
        // Attractive at every distance scanned: no barrier, nothing to guard (a pure Coulomb pair of opposite ions).
        return 0.0;
    }

    private static double Derivative(ShortRangePair pair, double chargeProduct, double r)
    {
        pair.Energy(r, out var shortRange);
        return shortRange - EwaldSummation.CoulombConstant * chargeProduct / (r * r);
    }
}
