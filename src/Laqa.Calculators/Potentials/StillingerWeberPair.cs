namespace Laqa.Calculators.Potentials;

/// <summary>The (i, j, j) part of a Stillinger–Weber entry: the two-body term and the radial factor of three-body terms.</summary>
internal readonly struct StillingerWeberPair
{
    public StillingerWeberPair(StillingerWeberParameters p)
    {
        Cut = p.Cut;
        NeighbourCutoff = p.NeighbourCutoff;
        Sigma = p.Sigma;
        SigmaGamma = p.Sigma * p.Gamma;
        P = p.P;
        Q = p.Q;
        RepulsionCoefficient = p.BigA * p.Epsilon * p.BigB * Math.Pow(p.Sigma, p.P);
        AttractionCoefficient = p.BigA * p.Epsilon * Math.Pow(p.Sigma, p.Q);
    }

    public readonly double Cut, NeighbourCutoff, Sigma, SigmaGamma, P, Q, RepulsionCoefficient, AttractionCoefficient;

    /// <summary>φ2(r) = A ε (B (σ/r)^p − (σ/r)^q) exp(σ / (r − a σ)) and dφ2/dr, for r below a σ.</summary>
    public double TwoBody(double r, out double derivative)
    {
        double rp = InversePower(r, P), rq = InversePower(r, Q);
        var inverseGap = 1 / (r - Cut);
        var damping = Math.Exp(Sigma * inverseGap);
        var power = RepulsionCoefficient * rp - AttractionCoefficient * rq;
        var powerDerivative = (-P * RepulsionCoefficient * rp + Q * AttractionCoefficient * rq) / r;
        derivative = (powerDerivative - power * Sigma * inverseGap * inverseGap) * damping;
        return power * damping;
    }

    // r^−p by repeated multiplication for the small whole exponents published sets use (Si.sw: p = 4, q = 0), Math.Pow otherwise.
    private static double InversePower(double r, double exponent)
    {
        if (exponent != Math.Floor(exponent) || exponent is < 0 or > MaxMultipliedExponent) return Math.Pow(r, -exponent);
        var inverse = 1 / r;
        var value = 1.0;
        for (var k = 0; k < (int)exponent; k++) value *= inverse;
        return value;
    }

    private const double MaxMultipliedExponent = 12;

    /// <summary>exp(γσ / (r − a σ)) and its derivative with respect to r.</summary>
    public double RadialFactor(double r, out double derivative)
    {
        var inverseGap = 1 / (r - Cut);
        var value = Math.Exp(SigmaGamma * inverseGap);
        derivative = -SigmaGamma * inverseGap * inverseGap * value;
        return value;
    }
}
