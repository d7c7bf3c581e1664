namespace Laqa.Crystal;

/// <summary>A 3-vector of doubles; used for cartesian (Å) and fractional coordinates alike.</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static readonly Vec3 Zero = new(0, 0, 0);

    public double this[int i] => i switch { 0 => X, 1 => Y, 2 => Z, _ => throw new ArgumentOutOfRangeException(nameof(i)) };

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);
    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);
    public static Vec3 operator *(Vec3 a, double s) => new(s * a.X, s * a.Y, s * a.Z);
    public static Vec3 operator /(Vec3 a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    public double Dot(Vec3 b) => X * b.X + Y * b.Y + Z * b.Z;
    public Vec3 Cross(Vec3 b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
    public double Norm => Math.Sqrt(X * X + Y * Y + Z * Z);
    public double NormSquared => X * X + Y * Y + Z * Z;

    /// <summary>Each component wrapped into [0, 1): the convention for fractional coordinates.</summary>
    public Vec3 Wrapped() => new(Wrap01(X), Wrap01(Y), Wrap01(Z));

    public static double Wrap01(double x)
    {
        var w = x - Math.Floor(x);
        return w >= 1.0 ? 0.0 : w;
    }

    public override string ToString() => $"({X:G6}, {Y:G6}, {Z:G6})";
}
