namespace Laqa.Crystal.Symmetry;

/// <summary>An integer 3×3 matrix, row-major, acting on column vectors: the rotation part of a space-group operation.</summary>
internal readonly record struct IntMatrix3(int M00, int M01, int M02, int M10, int M11, int M12, int M20, int M21, int M22)
{
    public static readonly IntMatrix3 Identity = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public IntVec3 Row(int i) => i switch
    {
        0 => new(M00, M01, M02), 1 => new(M10, M11, M12), 2 => new(M20, M21, M22),
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    public static IntMatrix3 operator -(IntMatrix3 a) =>
        new(-a.M00, -a.M01, -a.M02, -a.M10, -a.M11, -a.M12, -a.M20, -a.M21, -a.M22);

    public static IntMatrix3 operator *(IntMatrix3 a, IntMatrix3 b) => new(
        a.M00 * b.M00 + a.M01 * b.M10 + a.M02 * b.M20, a.M00 * b.M01 + a.M01 * b.M11 + a.M02 * b.M21, a.M00 * b.M02 + a.M01 * b.M12 + a.M02 * b.M22,
        a.M10 * b.M00 + a.M11 * b.M10 + a.M12 * b.M20, a.M10 * b.M01 + a.M11 * b.M11 + a.M12 * b.M21, a.M10 * b.M02 + a.M11 * b.M12 + a.M12 * b.M22,
        a.M20 * b.M00 + a.M21 * b.M10 + a.M22 * b.M20, a.M20 * b.M01 + a.M21 * b.M11 + a.M22 * b.M21, a.M20 * b.M02 + a.M21 * b.M12 + a.M22 * b.M22);

    public static IntVec3 operator *(IntMatrix3 a, IntVec3 v) => new(
        a.M00 * v.X + a.M01 * v.Y + a.M02 * v.Z,
        a.M10 * v.X + a.M11 * v.Y + a.M12 * v.Z,
        a.M20 * v.X + a.M21 * v.Y + a.M22 * v.Z);

    public IntMatrix3 MinusIdentity() => new(M00 - 1, M01, M02, M10, M11 - 1, M12, M20, M21, M22 - 1);
}
