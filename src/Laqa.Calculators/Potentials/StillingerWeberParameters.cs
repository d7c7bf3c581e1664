namespace Laqa.Calculators.Potentials;

/// <summary>
/// One entry of a LAMMPS .sw file, in its order: ε (eV), σ (Å), a, λ, γ, cos θ0, A, B, p, q, tol.
/// Two-body terms of i–j and the radial factors of the three-body term use the entry (i, j, j);
/// λ, ε and cos θ0 of the angle j–i–k use (i, j, k).
/// </summary>
public sealed record StillingerWeberParameters(
    string Element1, string Element2, string Element3,
    double Epsilon, double Sigma, double LittleA, double Lambda, double Gamma, double CosTheta0,
    double BigA, double BigB, double P, double Q, double Tolerance) : ITripletParameters
{
    public const int WordsPerEntry = 14;

    /// <summary>The radius a σ where the interaction vanishes (Å).</summary>
    public double Cut => Sigma * LittleA;

    /// <summary>
    /// LAMMPS's neighbour cut-off: a σ, or, with tol &gt; 0 (at most 0.01), a σ + σ' / ln(tol), σ' = γσ if γ &lt; 1
    /// else σ, beyond which the terms are dropped as negligible.
    /// </summary>
    public double NeighbourCutoff
    {
        get
        {
            if (!(Tolerance > 0)) return Cut;
            var tolerance = Math.Min(Tolerance, 0.01);
            return Cut + (Gamma < 1 ? Gamma * Sigma : Sigma) / Math.Log(tolerance);
        }
    }

    /// <summary>
    /// Why LAMMPS would reject these values ("Illegal Stillinger-Weber parameter"), or null. Here σ and a
    /// must also be positive in an (i, j, j) entry, which sets the range of the i–j interaction.
    /// </summary>
    public string? Problem()
    {
        if (Epsilon < 0 || Sigma < 0 || LittleA < 0 || Lambda < 0 || Gamma < 0 || BigA < 0 || BigB < 0 || P < 0 || Q < 0 || Tolerance < 0)
            return "epsilon, sigma, a, lambda, gamma, A, B, p, q and tol must not be negative";
        if (Element2 == Element3 && !(Sigma > 0 && LittleA > 0)) return $"sigma = {Sigma} and a = {LittleA} must be positive in an entry i j j";
        return null;
    }
}
