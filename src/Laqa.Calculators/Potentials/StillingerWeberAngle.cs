namespace Laqa.Calculators.Potentials;

/// <summary>The (i, j, k) part of a Stillinger–Weber entry: strength λε and preferred cos θ0 of the angle j–i–k.</summary>
internal readonly record struct StillingerWeberAngle(double LambdaEpsilon, double CosTheta0)
{
    public StillingerWeberAngle(StillingerWeberParameters p) : this(p.Lambda * p.Epsilon, p.CosTheta0) { }
}
