namespace Laqa.Crystal.Generation;

/// <summary>
/// A small random distortion of a new candidate, so that its relaxation can leave the space group it was generated
/// in: every atom displaced by a Gaussian vector (σ per Cartesian component, Å), then the cell deformed by
/// F = I + ε with ε symmetric, each ε_ij (i ≤ j) Gaussian with σ = <see cref="StrainSigma"/> (atoms move with the
/// cell). Symmetric forces keep a symmetric structure symmetric, so without it a relaxation stays in its group;
/// AIRSS's "shake" does the same.
/// </summary>
public sealed record Rattle(double DisplacementSigma, double StrainSigma)
{
    public static readonly Rattle None = new(0, 0);

    public bool IsActive => DisplacementSigma > 0 || StrainSigma > 0;

    public Structure Apply(Structure structure, Random random)
    {
        if (!IsActive) return structure;
        var displaced = DisplacementSigma > 0
            ? Structure.FromCartesian(structure.Lattice, structure.Species,
                structure.Cartesian().Select(r => r + new Vec3(Normal(random), Normal(random), Normal(random)) * DisplacementSigma))
            : structure;
        if (StrainSigma == 0) return displaced;
        var deformation = new double[3, 3];
        for (var i = 0; i < 3; i++)
        for (var j = i; j < 3; j++)
            deformation[i, j] = deformation[j, i] = Normal(random) * StrainSigma;
        for (var i = 0; i < 3; i++) deformation[i, i] += 1;
        return displaced.WithLattice(displaced.Lattice.Deformed(deformation));
    }

    // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
