namespace Laqa.Calculators;

/// <summary>
/// One evaluation: total energy (eV), forces per atom (eV/Å, cartesian, flattened x0,y0,z0,x1,...)
/// and the stress tensor (eV/Å³, row-major 3×3, ASE's sign: σ = (1/V) dE/dε, so a compressed
/// cell has negative stress). A failed evaluation has <see cref="Failure"/> set and no numbers.
/// </summary>
public sealed record CalculationResult(double Energy, double[] Forces, double[] Stress, string? Failure = null)
{
    public bool Succeeded => Failure is null;

    public static CalculationResult Failed(string reason) => new(double.NaN, [], [], reason);

    public int AtomCount => Forces.Length / 3;

    /// <summary>Largest |F| over atoms (eV/Å).</summary>
    public double MaxForce
    {
        get
        {
            var max = 0.0;
            for (var i = 0; i < Forces.Length; i += 3)
                max = Math.Max(max, Math.Sqrt(Forces[i] * Forces[i] + Forces[i + 1] * Forces[i + 1] + Forces[i + 2] * Forces[i + 2]));
            return max;
        }
    }

    /// <summary>Mean over atoms of |F| (eV/Å): the F of the LAQA score.</summary>
    public double MeanForceNorm
    {
        get
        {
            if (Forces.Length == 0) return 0.0;
            var sum = 0.0;
            for (var i = 0; i < Forces.Length; i += 3)
                sum += Math.Sqrt(Forces[i] * Forces[i] + Forces[i + 1] * Forces[i + 1] + Forces[i + 2] * Forces[i + 2]);
            return sum / AtomCount;
        }
    }

    /// <summary>Largest |σ_ij| (eV/Å³).</summary>
    public double MaxAbsStress => Stress.Length == 0 ? 0.0 : Stress.Max(Math.Abs);

    /// <summary>Mean of |σ_ij| over the nine components (eV/Å³): the S of the LAQA score.</summary>
    public double MeanAbsStress => Stress.Length == 0 ? 0.0 : Stress.Average(Math.Abs);
}
