using System.Globalization;

namespace Laqa.Crystal.Generation;

/// <summary>
/// Target cell volume (Å³) for a random candidate: a mean and a spread, sampled as a normal
/// distribution truncated to mean ± 2σ.
/// </summary>
public sealed class VolumeEstimate
{
    /// <summary>
    /// Multiplies the covalent-sphere volume Σ 4/3 π r_cov³. A least-squares fit of log volume over 21
    /// solids (Si, C, Ge, Al, Cu, Fe, Na, NaCl, KCl, MgO, LiF, CaO, Al2O3, SiO2 quartz, TiO2 rutile,
    /// GaAs, ZnS, SiC, CaF2, SrCO3, β-Li3PS4) gives 2.14; rounded up because a start slightly too open is
    /// easier for random placement under minimum distances than one too dense. Sphere volumes alone
    /// cannot see packing: the estimate is 0.63× experiment for diamond Si (20.0 Å³/atom), 1.16× for
    /// NaCl (22.4 Å³/atom), 0.96× for Al2O3 (8.5 Å³/atom), and spans 0.48× (open quartz) to 1.9×
    /// (CaO, and 1.8× for Cu and Fe, whose covalent radii exceed their metallic ones) over the set.
    /// </summary>
    public const double DefaultFactor = 2.2;

    /// <summary>Default σ as a fraction of the mean, so draws span 0.6–1.4× the estimate.</summary>
    public const double DefaultRelativeSigma = 0.2;

    private VolumeEstimate(double mean, double sigma)
    {
        if (!(double.IsFinite(mean) && mean > 0))
            throw new LaqaInputException($"volume mean must be a positive number of Å³ (got {Format(mean)})");
        if (!(double.IsFinite(sigma) && sigma >= 0))
            throw new LaqaInputException($"volume sigma must be a non-negative number of Å³ (got {Format(sigma)})");
        if (sigma >= mean / 2)
            throw new LaqaInputException(
                $"volume sigma {Format(sigma)} Å³ must be below half the mean {Format(mean)} Å³, so that every sampled volume (mean ± 2σ) is positive");
        Mean = mean;
        Sigma = sigma;
    }

    /// <summary>Mean cell volume, Å³.</summary>
    public double Mean { get; }

    /// <summary>Standard deviation of the untruncated normal, Å³.</summary>
    public double Sigma { get; }

    /// <summary>An explicit mean ± sigma for the whole cell, in Å³.</summary>
    public static VolumeEstimate Explicit(double mean, double sigma) => new(mean, sigma);

    /// <summary>Mean = factor · Σ over all atoms of 4/3 π r_cov³; σ = relativeSigma · mean.</summary>
    public static VolumeEstimate FromCovalentSpheres(Composition composition, double factor = DefaultFactor,
        double relativeSigma = DefaultRelativeSigma)
    {
        if (!(double.IsFinite(factor) && factor > 0))
            throw new LaqaInputException($"volume factor must be a positive number (got {Format(factor)})");
        if (!(double.IsFinite(relativeSigma) && relativeSigma is >= 0 and < 0.5))
            throw new LaqaInputException($"relative volume sigma must be at least 0 and below 0.5 (got {Format(relativeSigma)})");
        var spheres = composition.Species.Sum(s => s.Count * 4.0 / 3.0 * Math.PI * Math.Pow(Elements.Get(s.Symbol).CovalentRadius, 3));
        var mean = factor * spheres;
        return new VolumeEstimate(mean, relativeSigma * mean);
    }

    /// <summary>A volume from the normal distribution truncated to [Mean − 2σ, Mean + 2σ]; uses only the given random source.</summary>
    public double Sample(Random random)
    {
        if (Sigma == 0) return Mean;
        while (true)
        {
            // Box–Muller; 1 − u keeps the logarithm finite.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            if (Math.Abs(gaussian) <= 2) return Mean + Sigma * gaussian;
        }
    }

    public override string ToString() => $"{Mean:F2} ± {Sigma:F2} Å³";

    private static string Format(double x) => x.ToString("G", CultureInfo.InvariantCulture);
}
