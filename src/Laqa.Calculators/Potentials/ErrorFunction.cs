namespace Laqa.Calculators.Potentials;

/// <summary>
/// The complementary error function to about one ulp, from the near-minimax rational
/// approximations of W. J. Cody, "Rational Chebyshev approximations for the error function",
/// Math. Comp. 23, 631 (1969). .NET has no erfc, and the Ewald real-space loop needs
/// exp(x²)·erfc(x) alongside the exp(−x²) it computes anyway for the force.
/// </summary>
public static class ErrorFunction
{
    private const double InverseSqrtPi = 0.56418958354775628695;
    private const double SmallLimit = 0.46875;

    // Cody's coefficients, numerator and denominator of each interval in Horner order (denominators monic).
    private const double A4 = 1.85777706184603153e-1, A0 = 3.16112374387056560e00, A1 = 1.13864154151050156e02,
        A2 = 3.77485237685302021e02, A3 = 3.20937758913846947e03;
    private const double B0 = 2.36012909523441209e01, B1 = 2.44024637934444173e02, B2 = 1.28261652607737228e03,
        B3 = 2.84423683343917062e03;
    private const double C8 = 2.15311535474403846e-8, C0 = 5.64188496988670089e-1, C1 = 8.88314979438837594e00,
        C2 = 6.61191906371416295e01, C3 = 2.98635138197400131e02, C4 = 8.81952221241769090e02, C5 = 1.71204761263407058e03,
        C6 = 2.05107837782607147e03, C7 = 1.23033935479799725e03;
    private const double D0 = 1.57449261107098347e01, D1 = 1.17693950891312499e02, D2 = 5.37181101862009858e02,
        D3 = 1.62138957456669019e03, D4 = 3.29079923573345963e03, D5 = 4.36261909014324716e03, D6 = 3.43936767414372164e03,
        D7 = 1.23033935480374942e03;
    private const double P5 = 1.63153871373020978e-2, P0 = 3.05326634961232344e-1, P1 = 3.60344899949804439e-1,
        P2 = 1.25781726111229246e-1, P3 = 1.60837851487422766e-2, P4 = 6.58749161529837803e-4;
    private const double Q0 = 2.56852019228982242e00, Q1 = 1.87295284992346047e00, Q2 = 5.27905102951428412e-1,
        Q3 = 6.05183413124413191e-2, Q4 = 2.33520497626869185e-3;

    /// <summary>erfc(x) = 1 − erf(x) for any real x.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        var positive = ErfcWithGaussian(Math.Abs(x), out _);
        return x < 0 ? 2.0 - positive : positive;
    }

    /// <summary>erf(x) for any real x.</summary>
    public static double Erf(double x)
    {
        var y = Math.Abs(x);
        var value = y <= SmallLimit ? SmallErf(y) : 1.0 - ErfcWithGaussian(y, out _);
        return x < 0 ? -value : value;
    }

    /// <summary>erfc(x) for x ≥ 0, and exp(−x²) from the same exponential (the Ewald real-space force needs both).</summary>
    public static double ErfcWithGaussian(double x, out double gaussian)
    {
        gaussian = ExpMinusSquare(x);
        if (x <= SmallLimit) return 1.0 - SmallErf(x);
        return x >= 26.6 ? 0.0 : ScaledErfc(x) * gaussian;
    }

    // exp(x²)·erfc(x) for x > 0.46875: Cody's second interval up to 4, his asymptotic form beyond.
    private static double ScaledErfc(double x)
    {
        if (x <= 4.0)
        {
            var numerator = ((((((((C8 * x + C0) * x + C1) * x + C2) * x + C3) * x + C4) * x + C5) * x + C6) * x) + C7;
            var denominator = ((((((((x + D0) * x + D1) * x + D2) * x + D3) * x + D4) * x + D5) * x + D6) * x) + D7;
            return numerator / denominator;
        }
        var z = 1.0 / (x * x);
        var p = (((((P5 * z + P0) * z + P1) * z + P2) * z + P3) * z) + P4;
        var q = (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z) + Q4;
        return (InverseSqrtPi - z * p / q) / x;
    }

    /// <summary>exp(−x²) with the rounding error of x² compensated, so it keeps full relative accuracy for large x.</summary>
    private static double ExpMinusSquare(double x)
    {
        var square = x * x;
        var roundingError = Math.FusedMultiplyAdd(x, x, -square);
        return Math.Exp(-square) * (1.0 - roundingError);
    }

    private static double SmallErf(double y)
    {
        var z = y * y;
        var numerator = ((((A4 * z + A0) * z + A1) * z + A2) * z) + A3;
        var denominator = ((((z + B0) * z + B1) * z + B2) * z) + B3;
        return y * numerator / denominator;
    }
}
