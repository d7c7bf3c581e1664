namespace Laqa.Crystal;

/// <summary>
/// A periodic lattice: three row vectors a, b, c in Å (as ASE's cell). A cartesian position is
/// r = f · M where f is the fractional row vector and M the matrix of rows.
/// </summary>
public sealed class Lattice
{
    private readonly double[] _m;   // row-major 3x3: rows are a, b, c
    private readonly double[] _inv; // row-major inverse of _m

    /// <summary>Longest lattice vector accepted (Å): far beyond any crystal's cell, short enough that products of lengths stay finite.</summary>
    public const double MaxVectorLength = 1e6;

    public Lattice(Vec3 a, Vec3 b, Vec3 c)
    {
        _m = [a.X, a.Y, a.Z, b.X, b.Y, b.Z, c.X, c.Y, c.Z];
        if (Math.Max(a.Norm, Math.Max(b.Norm, c.Norm)) is var longest && !(longest <= MaxVectorLength))
            throw new LaqaInputException($"a lattice vector is {longest:G4} Å long; at most 10⁶ Å is accepted");
        Volume = a.Dot(b.Cross(c));
        if (!(Math.Abs(Volume) > 1e-12) || !double.IsFinite(Volume))
            throw new LaqaInputException($"lattice vectors are degenerate or not finite (volume {Volume:G6} Å³)");
        _inv = Invert(_m, Volume);
        Volume = Math.Abs(Volume);
    }

    public Lattice(double[,] rows) : this(new Vec3(rows[0, 0], rows[0, 1], rows[0, 2]),
        new Vec3(rows[1, 0], rows[1, 1], rows[1, 2]), new Vec3(rows[2, 0], rows[2, 1], rows[2, 2])) { }

    public Vec3 A => new(_m[0], _m[1], _m[2]);
    public Vec3 B => new(_m[3], _m[4], _m[5]);
    public Vec3 C => new(_m[6], _m[7], _m[8]);
    public Vec3 this[int i] => new(_m[3 * i], _m[3 * i + 1], _m[3 * i + 2]);

    /// <summary>Cell volume in Å³ (always positive).</summary>
    public double Volume { get; }

    /// <summary>Row-major copy of the 3×3 matrix whose rows are a, b, c.</summary>
    public double[,] Matrix => new[,] { { _m[0], _m[1], _m[2] }, { _m[3], _m[4], _m[5] }, { _m[6], _m[7], _m[8] } };

    public double LengthA => A.Norm;
    public double LengthB => B.Norm;
    public double LengthC => C.Norm;
    public double Alpha => AngleDeg(B, C);
    public double Beta => AngleDeg(A, C);
    public double Gamma => AngleDeg(A, B);

    /// <summary>Lattice from lengths (Å) and angles (degrees), a along x and b in the xy plane, as ASE does.</summary>
    public static Lattice FromParameters(double a, double b, double c, double alphaDeg, double betaDeg, double gammaDeg)
    {
        if (!(a > 0 && b > 0 && c > 0))
            throw new LaqaInputException($"lattice lengths must be positive (a={a}, b={b}, c={c})");
        // Angles outside (0°, 180°) give the cosines of another cell, which a file or config never means.
        foreach (var (name, angle) in new[] { ("α", alphaDeg), ("β", betaDeg), ("γ", gammaDeg) })
            if (!(angle > 0 && angle < 180))
                throw new LaqaInputException($"lattice angle {name}={angle}° must lie strictly between 0° and 180°");
        double ca = CosDeg(alphaDeg), cb = CosDeg(betaDeg), cg = CosDeg(gammaDeg), sg = SinDeg(gammaDeg);
        var cx = cb;
        var cy = (ca - cb * cg) / sg;
        var cz2 = 1 - cx * cx - cy * cy;
        // A relative threshold: round-off leaves cz2 ~ 1e-16 for coplanar angles such as 120°, 120°, 120°.
        if (!(cz2 > 1e-12))
            throw new LaqaInputException($"lattice angles α={alphaDeg}, β={betaDeg}, γ={gammaDeg} do not form a cell");
        return new Lattice(new Vec3(a, 0, 0), new Vec3(b * cg, b * sg, 0), new Vec3(c * cx, c * cy, c * Math.Sqrt(cz2)));
    }

    public static Lattice Cubic(double a) => new(new Vec3(a, 0, 0), new Vec3(0, a, 0), new Vec3(0, 0, a));

    public Vec3 ToCartesian(Vec3 f) => new(
        f.X * _m[0] + f.Y * _m[3] + f.Z * _m[6],
        f.X * _m[1] + f.Y * _m[4] + f.Z * _m[7],
        f.X * _m[2] + f.Y * _m[5] + f.Z * _m[8]);

    public Vec3 ToFractional(Vec3 r) => new(
        r.X * _inv[0] + r.Y * _inv[3] + r.Z * _inv[6],
        r.X * _inv[1] + r.Y * _inv[4] + r.Z * _inv[7],
        r.X * _inv[2] + r.Y * _inv[5] + r.Z * _inv[8]);

    /// <summary>Reciprocal lattice rows b_i with a_i · b_j = δ_ij (no 2π factor).</summary>
    public Lattice Reciprocal() => new(
        new Vec3(_inv[0], _inv[3], _inv[6]), new Vec3(_inv[1], _inv[4], _inv[7]), new Vec3(_inv[2], _inv[5], _inv[8]));

    /// <summary>Perpendicular distance between opposite faces for each axis: V / |b × c| etc.</summary>
    public Vec3 PlaneSpacings() => new(Volume / B.Cross(C).Norm, Volume / C.Cross(A).Norm, Volume / A.Cross(B).Norm);

    /// <summary>This lattice with every row multiplied by the 3×3 matrix (new = old · F), as under a homogeneous strain.</summary>
    public Lattice Deformed(double[,] f)
    {
        Vec3 Row(int i) => new(
            _m[3 * i] * f[0, 0] + _m[3 * i + 1] * f[1, 0] + _m[3 * i + 2] * f[2, 0],
            _m[3 * i] * f[0, 1] + _m[3 * i + 1] * f[1, 1] + _m[3 * i + 2] * f[2, 1],
            _m[3 * i] * f[0, 2] + _m[3 * i + 1] * f[1, 2] + _m[3 * i + 2] * f[2, 2]);
        return new Lattice(Row(0), Row(1), Row(2));
    }

    public Lattice Scaled(double factor) => new(A * factor, B * factor, C * factor);

    public override string ToString() =>
        $"a={LengthA:F4} b={LengthB:F4} c={LengthC:F4} α={Alpha:F2} β={Beta:F2} γ={Gamma:F2}";

    private static double AngleDeg(Vec3 u, Vec3 v) =>
        Math.Acos(Math.Clamp(u.Dot(v) / (u.Norm * v.Norm), -1.0, 1.0)) * 180.0 / Math.PI;

    // Exact values at right angles keep orthogonal cells exactly orthogonal.
    private static double CosDeg(double d) => d == 90.0 ? 0.0 : Math.Cos(d * Math.PI / 180.0);
    private static double SinDeg(double d) => d == 90.0 ? 1.0 : Math.Sin(d * Math.PI / 180.0);

    private static double[] Invert(double[] m, double det)
    {
        var r = new double[9];
        r[0] = (m[4] * m[8] - m[5] * m[7]) / det;
        r[1] = (m[2] * m[7] - m[1] * m[8]) / det;
        r[2] = (m[1] * m[5] - m[2] * m[4]) / det;
        r[3] = (m[5] * m[6] - m[3] * m[8]) / det;
        r[4] = (m[0] * m[8] - m[2] * m[6]) / det;
        r[5] = (m[2] * m[3] - m[0] * m[5]) / det;
        r[6] = (m[3] * m[7] - m[4] * m[6]) / det;
        r[7] = (m[1] * m[6] - m[0] * m[7]) / det;
        r[8] = (m[0] * m[4] - m[1] * m[3]) / det;
        return r;
    }
}
