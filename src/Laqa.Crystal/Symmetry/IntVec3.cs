namespace Laqa.Crystal.Symmetry;

/// <summary>An integer 3-vector: lattice vectors, or translations counted in <see cref="SeitzOperation.Denominator"/>ths.</summary>
internal readonly record struct IntVec3(int X, int Y, int Z)
{
    public static readonly IntVec3 Zero = new(0, 0, 0);

    public int this[int i] => i switch { 0 => X, 1 => Y, 2 => Z, _ => throw new ArgumentOutOfRangeException(nameof(i)) };

    public static IntVec3 operator +(IntVec3 a, IntVec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static IntVec3 operator -(IntVec3 a, IntVec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static IntVec3 operator -(IntVec3 a) => new(-a.X, -a.Y, -a.Z);
    public static IntVec3 operator *(int s, IntVec3 a) => new(s * a.X, s * a.Y, s * a.Z);

    public int Dot(IntVec3 b) => X * b.X + Y * b.Y + Z * b.Z;
    public IntVec3 Cross(IntVec3 b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
    public bool IsZero => X == 0 && Y == 0 && Z == 0;
    public int NonZeroCount => (X != 0 ? 1 : 0) + (Y != 0 ? 1 : 0) + (Z != 0 ? 1 : 0);
    public int L1 => Math.Abs(X) + Math.Abs(Y) + Math.Abs(Z);

    /// <summary>Each component reduced into [0, m).</summary>
    public IntVec3 Mod(int m) => new(Mod(X, m), Mod(Y, m), Mod(Z, m));

    /// <summary>Divided by the gcd of its components, with the first non-zero component positive.</summary>
    public IntVec3 Primitive()
    {
        var g = Gcd(Gcd(Math.Abs(X), Math.Abs(Y)), Math.Abs(Z));
        if (g == 0) return this;
        var sign = X != 0 ? Math.Sign(X) : Y != 0 ? Math.Sign(Y) : Math.Sign(Z);
        return new IntVec3(sign * X / g, sign * Y / g, sign * Z / g);
    }

    public Vec3 ToVec3(double scale = 1.0) => new(X * scale, Y * scale, Z * scale);

    public static int Mod(int a, int m) => ((a % m) + m) % m;
    public static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    public override string ToString() => $"({X}, {Y}, {Z})";
}
