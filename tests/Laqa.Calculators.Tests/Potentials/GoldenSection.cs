namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Minimum of a unimodal function on an interval by golden-section search.</summary>
public static class GoldenSection
{
    public static (double X, double Value) Minimise(Func<double, double> f, double low, double high, double tolerance = 1e-7)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double x1 = high - ratio * (high - low), x2 = low + ratio * (high - low);
        double f1 = f(x1), f2 = f(x2);
        while (high - low > tolerance)
        {
            if (f1 < f2)
            {
                high = x2; x2 = x1; f2 = f1;
                x1 = high - ratio * (high - low); f1 = f(x1);
            }
            else
            {
                low = x1; x1 = x2; f1 = f2;
                x2 = low + ratio * (high - low); f2 = f(x2);
            }
        }
        var x = (low + high) / 2;
        return (x, f(x));
    }
}
