using Laqa.Crystal.Generation;
using MathNet.Numerics.Distributions;

namespace Laqa.Crystal.Tests;

public class VolumeEstimateTests
{
    private static readonly double Hexagonal = Math.Sqrt(3) / 2;

    // Conventional cells with their experimental room-temperature lattice parameters (Å).
    private static readonly (string Name, string Cell, double Volume)[] Solids =
    [
        ("Si diamond", "Si8", Math.Pow(5.431, 3)),
        ("C diamond", "C8", Math.Pow(3.567, 3)),
        ("Ge diamond", "Ge8", Math.Pow(5.658, 3)),
        ("Al fcc", "Al4", Math.Pow(4.0495, 3)),
        ("Cu fcc", "Cu4", Math.Pow(3.615, 3)),
        ("Fe bcc", "Fe2", Math.Pow(2.8665, 3)),
        ("Na bcc", "Na2", Math.Pow(4.2906, 3)),
        ("NaCl rocksalt", "Na4Cl4", Math.Pow(5.640, 3)),
        ("KCl rocksalt", "K4Cl4", Math.Pow(6.293, 3)),
        ("MgO rocksalt", "Mg4O4", Math.Pow(4.212, 3)),
        ("LiF rocksalt", "Li4F4", Math.Pow(4.027, 3)),
        ("CaO rocksalt", "Ca4O4", Math.Pow(4.811, 3)),
        ("Al2O3 corundum", "Al12O18", Hexagonal * 4.759 * 4.759 * 12.991),
        ("SiO2 α-quartz", "Si3O6", Hexagonal * 4.913 * 4.913 * 5.405),
        ("TiO2 rutile", "Ti2O4", 4.594 * 4.594 * 2.959),
        ("GaAs zincblende", "Ga4As4", Math.Pow(5.653, 3)),
        ("ZnS zincblende", "Zn4S4", Math.Pow(5.409, 3)),
        ("SiC 3C", "Si4C4", Math.Pow(4.3596, 3)),
        ("CaF2 fluorite", "Ca4F8", Math.Pow(5.463, 3)),
        ("SrCO3 strontianite", "Sr4C4O12", 5.107 * 8.414 * 6.029),
        ("β-Li3PS4", "Li12P4S16", 12.819 * 8.2195 * 6.1236),
    ];

    [Fact]
    public void DefaultFactorIsTheFitToExperimentalVolumesAndMissesThemByAtMostAFactor22()
    {
        var ratios = Solids.Select(s => VolumeEstimate.FromCovalentSpheres(Composition.Parse(s.Cell)).Mean / s.Volume).ToArray();
        // Least squares in log volume: the best factor scales the default by the geometric mean of the ratios.
        var fitted = VolumeEstimate.DefaultFactor / Math.Exp(ratios.Average(Math.Log));
        Assert.InRange(VolumeEstimate.DefaultFactor, fitted, 1.05 * fitted);
        for (var i = 0; i < Solids.Length; i++)
            Assert.True(ratios[i] is > 0.45 and < 2.1, $"{Solids[i].Name}: estimate is {ratios[i]:F2}× experiment");
    }

    [Theory]
    [InlineData("Si16", 20.0, 0.40)]
    [InlineData("Na8Cl8", 22.4, 0.20)]
    [InlineData("Al4O6", 8.5, 0.10)]
    public void EstimatesForTheBenchmarkSolidsAreNearTheirRealDensities(string cell, double experimentPerAtom, double tolerance)
    {
        var composition = Composition.Parse(cell);
        var perAtom = VolumeEstimate.FromCovalentSpheres(composition).Mean / composition.TotalAtoms;
        Assert.InRange(perAtom, (1 - tolerance) * experimentPerAtom, (1 + tolerance) * experimentPerAtom);
    }

    [Fact]
    public void MeanIsTheFactorTimesTheCovalentSphereVolumeFromAseRadii()
    {
        var radii = PythonReference.Run("""
            import json
            from ase.data import covalent_radii, atomic_numbers
            print(json.dumps([float(covalent_radii[atomic_numbers[s]]) for s in ("Li", "P", "S")]))
            """).Doubles();
        var spheres = new[] { 12, 4, 16 }.Select((n, i) => n * 4 / 3.0 * Math.PI * Math.Pow(radii[i], 3)).Sum();
        var estimate = VolumeEstimate.FromCovalentSpheres(Composition.Parse("Li12P4S16"), 1.7, 0.1);
        Assert.Equal(1.7 * spheres, estimate.Mean, 1e-9);
        Assert.Equal(0.1 * estimate.Mean, estimate.Sigma, 1e-12);
    }

    [Fact]
    public void SamplesFollowTheNormalTruncatedAtTwoSigma()
    {
        var estimate = VolumeEstimate.Explicit(300, 40);
        var random = new Random(7);
        var samples = Enumerable.Range(0, 20_000).Select(_ => estimate.Sample(random)).Order().ToArray();
        Assert.InRange(samples[0], 220, 380);
        Assert.InRange(samples[^1], 220, 380);
        // Kolmogorov–Smirnov distance to the truncated normal CDF computed by MathNet.
        var normal = new Normal(300, 40);
        double lower = normal.CumulativeDistribution(220), mass = normal.CumulativeDistribution(380) - lower;
        var ks = samples.Select((v, i) =>
        {
            var cdf = (normal.CumulativeDistribution(v) - lower) / mass;
            return Math.Max(Math.Abs(cdf - (double)i / samples.Length), Math.Abs(cdf - (i + 1.0) / samples.Length));
        }).Max();
        Assert.True(ks < 1.63 / Math.Sqrt(samples.Length), $"KS distance {ks:F4}");
    }

    [Fact]
    public void SamplingDependsOnlyOnTheRandomSource()
    {
        var estimate = VolumeEstimate.FromCovalentSpheres(Composition.Parse("Sr4C4O12"));
        Random first = new(99), second = new(99);
        Assert.Equal(Enumerable.Range(0, 50).Select(_ => estimate.Sample(first)), Enumerable.Range(0, 50).Select(_ => estimate.Sample(second)));
        var fixedVolume = VolumeEstimate.Explicit(123.4, 0);
        Assert.Equal(123.4, fixedVolume.Sample(first));
    }

    [Theory]
    [InlineData(0, 1, "volume mean must be a positive number of Å³ (got 0)")]
    [InlineData(-100, 1, "volume mean must be a positive number of Å³ (got -100)")]
    [InlineData(double.NaN, 1, "volume mean must be a positive number of Å³ (got NaN)")]
    [InlineData(100, -1, "volume sigma must be a non-negative number of Å³ (got -1)")]
    [InlineData(100, double.PositiveInfinity, "volume sigma must be a non-negative number of Å³ (got Infinity)")]
    [InlineData(100, 50, "volume sigma 50 Å³ must be below half the mean 100 Å³, so that every sampled volume (mean ± 2σ) is positive")]
    public void BadExplicitVolumesAreInputErrors(double mean, double sigma, string message) =>
        Assert.Equal(message, Assert.Throws<LaqaInputException>(() => VolumeEstimate.Explicit(mean, sigma)).Message);

    [Theory]
    [InlineData(0, 0.1, "volume factor must be a positive number (got 0)")]
    [InlineData(2, 0.5, "relative volume sigma must be at least 0 and below 0.5 (got 0.5)")]
    [InlineData(2, -0.1, "relative volume sigma must be at least 0 and below 0.5 (got -0.1)")]
    public void BadFactorsAreInputErrors(double factor, double relativeSigma, string message) =>
        Assert.Equal(message, Assert.Throws<LaqaInputException>(() =>
            VolumeEstimate.FromCovalentSpheres(Composition.Parse("Si8"), factor, relativeSigma)).Message);
}
