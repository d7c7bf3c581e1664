using Laqa.Calculators.Potentials;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

public class ErrorFunctionTests
{
    // erfc to 25 digits from mpmath (30-digit arithmetic), across all three of Cody's intervals.
    [Theory]
    [InlineData(0.1, 0.8875370839817151077967249)]
    [InlineData(0.46875, 0.5073865267820620084118239)]
    [InlineData(0.5, 0.4795001221869534623172533)]
    [InlineData(1.0, 0.1572992070502851306587794)]
    [InlineData(2.0, 0.004677734981047265837930744)]
    [InlineData(3.5, 7.430983723414127455236838e-7)]
    [InlineData(4.0, 1.541725790028001885215967e-8)]
    [InlineData(4.5, 1.96616044154288747627916e-10)]
    [InlineData(5.0, 1.537459794428034850188343e-12)]
    [InlineData(6.0, 2.151973671249891311659335e-17)]
    public void ErfcMatchesHighPrecisionValues(double x, double expected)
    {
        Assert.True(Math.Abs(ErrorFunction.Erfc(x) / expected - 1) < 1e-15, $"erfc({x}) = {ErrorFunction.Erfc(x):R}, expected {expected:R}");
        Assert.True(Math.Abs(ErrorFunction.Erfc(-x) - (2 - expected)) < 4e-16, $"erfc(−{x})");
        Assert.True(Math.Abs(ErrorFunction.Erf(x) - (1 - expected)) < 4e-16, $"erf({x})");
    }

    // MathNet (Boost's algorithm) is itself good to a few 1e-15 relative: at x = 5.6718 it is 2.6e-15 off mpmath, ours 1e-16.
    [Fact]
    public void ErfcAgreesWithMathNetAndSharesItsGaussian()
    {
        for (var x = 0.0; x < 8.0; x += 0.0137)
        {
            var ours = ErrorFunction.ErfcWithGaussian(x, out var gaussian);
            var mathNet = MathNet.Numerics.SpecialFunctions.Erfc(x);
            Assert.True(Math.Abs(ours - mathNet) <= 5e-15 * mathNet, $"erfc({x}) = {ours:R}, MathNet {mathNet:R}");
            Assert.True(Math.Abs(gaussian - Math.Exp(-x * x)) <= 4e-15 * Math.Exp(-x * x), $"exp(−{x}²)");
        }
    }
}
