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

    private static readonly double[] SmallNumerator = [3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03, 1.85777706184603153e-1];
    private static readonly double[] SmallDenominator = [2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03];
    private static readonly double[] MiddleNumerator = [5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8];
    private static readonly double[] MiddleDenominator = [1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03];
    private static readonly double[] LargeNumerator = [3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2];
    private static readonly double[] LargeDenominator = [2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];

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
            var n = MiddleNumerator;
            var d = MiddleDenominator;
            var num = n[8] * x;
            var den = x;
            for (var i = 0; i < 7; i++)
            {
                num = (num + n[i]) * x;
                den = (den + d[i]) * x;
            }
            return (num + n[7]) / (den + d[7]);
        }
        var z = 1.0 / (x * x);
        var p = LargeNumerator;
        var q = LargeDenominator;
        var pn = p[5] * z;
        var qd = z;
        for (var i = 0; i < 4; i++)
        {
            pn = (pn + p[i]) * z;
            qd = (qd + q[i]) * z;
        }
        return (InverseSqrtPi - z * (pn + p[4]) / (qd + q[4])) / x;
    }

    /// <summary>exp(−x²) with the rounding error of x² compensated, so it keeps full relative accuracy for large x.</summary>
    public static double ExpMinusSquare(double x)
    {
        var square = x * x;
        var roundingError = Math.FusedMultiplyAdd(x, x, -square);
        return Math.Exp(-square) * (1.0 - roundingError);
    }

    private static double SmallErf(double y)
    {
        var z = y * y;
        var a = SmallNumerator;
        var b = SmallDenominator;
        var num = a[4] * z;
        var den = z;
        for (var i = 0; i < 3; i++)
        {
            num = (num + a[i]) * z;
            den = (den + b[i]) * z;
        }
        return y * (num + a[3]) / (den + b[3]);
    }
}
