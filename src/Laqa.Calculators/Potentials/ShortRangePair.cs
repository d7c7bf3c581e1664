using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// The short-range part of a rigid-ion pair interaction, in the Born–Mayer–Huggins form
/// E(r) = A exp((σ − r)/ρ) − C/r⁶ − D/r⁸ (eV, Å). Buckingham is the case σ = 0, D = 0.
/// Note the sign of D: LAMMPS's pair_style born writes +D/r⁸, so its D is minus this one.
/// </summary>
public readonly record struct ShortRangePair
{
    private ShortRangePair(double a, double rho, double sigma, double c, double d)
    {
        if (!double.IsFinite(a) || !double.IsFinite(sigma) || !double.IsFinite(c) || !double.IsFinite(d))
            throw new LaqaInputException($"short-range pair parameters must be finite (A={a}, σ={sigma}, C={c}, D={d})");
        if (a != 0 && !(rho > 0 && double.IsFinite(rho)))
            throw new LaqaInputException($"short-range pair parameter ρ must be positive (ρ={rho})");
        A = a;
        Rho = rho;
        Sigma = sigma;
        C = c;
        D = d;
        RepulsionPrefactor = a == 0 ? 0.0 : a * Math.Exp(sigma / rho);
        InverseRho = a == 0 ? 0.0 : 1.0 / rho;
    }

    public double A { get; }
    public double Rho { get; }
    public double Sigma { get; }
    public double C { get; }
    public double D { get; }

    /// <summary>A·exp(σ/ρ): the repulsion is RepulsionPrefactor·exp(−r/ρ).</summary>
    public double RepulsionPrefactor { get; }
    public double InverseRho { get; }

    public bool IsZero => A == 0 && C == 0 && D == 0;

    /// <summary>No short-range interaction: the pair interacts by Coulomb only.</summary>
    public static ShortRangePair None => new(0, 0, 0, 0, 0);

    /// <summary>Buckingham: E = A exp(−r/ρ) − C/r⁶.</summary>
    public static ShortRangePair Buckingham(double a, double rho, double c) => new(a, rho, 0, c, 0);

    /// <summary>Born–Mayer–Huggins (Tosi–Fumi): E = A exp((σ − r)/ρ) − C/r⁶ − D/r⁸.</summary>
    public static ShortRangePair BornMayerHuggins(double a, double rho, double sigma, double c, double d) => new(a, rho, sigma, c, d);

    /// <summary>Energy at distance r (Å) and its derivative dE/dr.</summary>
    public double Energy(double r, out double derivative)
    {
        var repulsion = RepulsionPrefactor * Math.Exp(-r * InverseRho);
        var inverseSquare = 1.0 / (r * r);
        var inverseSixth = inverseSquare * inverseSquare * inverseSquare;
        var dispersion6 = C * inverseSixth;
        var dispersion8 = D * inverseSixth * inverseSquare;
        derivative = -repulsion * InverseRho + (6.0 * dispersion6 + 8.0 * dispersion8) / r;
        return repulsion - dispersion6 - dispersion8;
    }

    public override string ToString() => $"A={A} ρ={Rho} σ={Sigma} C={C} D={D}";
}
