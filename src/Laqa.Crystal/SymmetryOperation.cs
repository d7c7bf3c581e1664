namespace Laqa.Crystal;

/// <summary>
/// A space-group operation x' = R x + t acting on fractional coordinates (column convention,
/// as in the International Tables). R is an integer matrix, row-major; t is in [0, 1).
/// </summary>
public readonly record struct SymmetryOperation(int R00, int R01, int R02, int R10, int R11, int R12, int R20, int R21, int R22, Vec3 T)
{
    public static readonly SymmetryOperation Identity = new(1, 0, 0, 0, 1, 0, 0, 0, 1, Vec3.Zero);

    public int this[int i, int j] => (3 * i + j) switch
    {
        0 => R00, 1 => R01, 2 => R02, 3 => R10, 4 => R11, 5 => R12, 6 => R20, 7 => R21, 8 => R22,
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    public static SymmetryOperation FromMatrix(int[,] r, Vec3 t) =>
        new(r[0, 0], r[0, 1], r[0, 2], r[1, 0], r[1, 1], r[1, 2], r[2, 0], r[2, 1], r[2, 2], t);

    public Vec3 Rotate(Vec3 v) => new(
        R00 * v.X + R01 * v.Y + R02 * v.Z,
        R10 * v.X + R11 * v.Y + R12 * v.Z,
        R20 * v.X + R21 * v.Y + R22 * v.Z);

    public Vec3 Apply(Vec3 x) => Rotate(x) + T;

    public int Determinant =>
        R00 * (R11 * R22 - R12 * R21) - R01 * (R10 * R22 - R12 * R20) + R02 * (R10 * R21 - R11 * R20);

    public int Trace => R00 + R11 + R22;
}
