namespace Laqa.Calculators.Potentials;

/// <summary>
/// One entry of a LAMMPS .tersoff file, in its order: for the bond i–j modified by neighbour k of i,
/// m, γ, λ3 (1/Å), c, d, cos θ0, n, β, λ2 (1/Å), B (eV), R (Å), D (Å), λ1 (1/Å), A (eV).
/// The pair terms of i–j use the entry (i, j, j); the angular terms use (i, j, k).
/// </summary>
public sealed record TersoffParameters(
    string Element1, string Element2, string Element3,
    double M, double Gamma, double Lambda3, double C, double D, double CosTheta0,
    double N, double Beta, double Lambda2, double B, double R, double BigD, double Lambda1, double A) : ITripletParameters
{
    public const int WordsPerEntry = 17;

    /// <summary>
    /// Why LAMMPS would reject these values ("Illegal Tersoff parameter"), or null. Here d must also be
    /// positive, and so must n in an (i, j, j) entry, whose n sets the bond order b_ij.
    /// </summary>
    public string? Problem()
    {
        if (M != 3 && M != 1) return $"m = {M} must be 3 or 1";
        if (C < 0 || D < 0 || N < 0 || Beta < 0 || Lambda2 < 0 || B < 0 || R < 0 || BigD < 0 || Lambda1 < 0 || A < 0 || Gamma < 0)
            return "c, d, n, beta, lambda2, B, R, D, lambda1, A and gamma must not be negative";
        if (Element2 == Element3 && !(N > 0)) return $"n = {N} must be positive in an entry i j j";
        if (!(D > 0)) return $"d = {D} must be positive";
        if (BigD > R) return $"D = {BigD} exceeds R = {R}";
        return null;
    }
}
