namespace Laqa.Crystal.Symmetry;

/// <summary>
/// An exact space-group operation x' = R x + T / Denominator, with T reduced into [0, Denominator):
/// every translation of the 230 standard settings is a multiple of 1/24.
/// </summary>
internal readonly record struct SeitzOperation(IntMatrix3 R, IntVec3 T)
{
    public const int Denominator = 24;

    public static readonly SeitzOperation Identity = new(IntMatrix3.Identity, IntVec3.Zero);

    public static SeitzOperation Reduced(IntMatrix3 r, IntVec3 t) => new(r, t.Mod(Denominator));

    /// <summary>The product this ∘ other (other applied first), reduced modulo lattice translations.</summary>
    public SeitzOperation Then(SeitzOperation first) => Reduced(R * first.R, R * first.T + T);

    /// <summary>Image of a point given in Denominator-ths, not reduced.</summary>
    public IntVec3 Apply(IntVec3 point) => R * point + T;

    public SymmetryOperation ToSymmetryOperation() => new(
        R.M00, R.M01, R.M02, R.M10, R.M11, R.M12, R.M20, R.M21, R.M22,
        T.ToVec3(1.0 / Denominator));
}
