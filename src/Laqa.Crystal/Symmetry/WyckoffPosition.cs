using System.Collections.Immutable;
using System.Text;

namespace Laqa.Crystal.Symmetry;

/// <summary>
/// A Wyckoff position of a space group: the orbit of the affine subspace Origin + Σ p_k Directions[k]
/// (fractional coordinates of the conventional cell) under the group.
/// </summary>
public sealed class WyckoffPosition
{
    private readonly SymmetryOperation[] _cosets;

    internal WyckoffPosition(SpaceGroup group, string letter, int multiplicity, int siteSymmetryOrder, Vec3 origin, Vec3[] directions, SymmetryOperation[] cosets)
    {
        Group = group;
        Letter = letter;
        Multiplicity = multiplicity;
        SiteSymmetryOrder = siteSymmetryOrder;
        Origin = origin;
        Directions = [.. directions];
        _cosets = cosets;
    }

    public SpaceGroup Group { get; }

    /// <summary>Wyckoff letter a, b, …, z, then α, as in the International Tables (and spglib, Bilbao).</summary>
    public string Letter { get; }

    /// <summary>Number of points of the orbit in the conventional cell (centring included).</summary>
    public int Multiplicity { get; }

    /// <summary>Order of the site-symmetry group of a generic point of the position.</summary>
    public int SiteSymmetryOrder { get; }

    /// <summary>The representative point at zero free parameters.</summary>
    public Vec3 Origin { get; }

    /// <summary>Integer directions of the free parameters (0 to 3 of them).</summary>
    public ImmutableArray<Vec3> Directions { get; }

    public int FreeParameterCount => Directions.Length;

    /// <summary>The representative Origin + Σ p_k Directions[k], wrapped into [0, 1).</summary>
    public Vec3 Representative(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != Directions.Length)
            throw new ArgumentException($"Wyckoff position {Multiplicity}{Letter} takes {Directions.Length} parameters, got {parameters.Length}");
        var x = Origin;
        for (var k = 0; k < parameters.Length; k++) x += parameters[k] * Directions[k];
        return x.Wrapped();
    }

    /// <summary>
    /// Writes the orbit of the representative into destination (length ≥ Multiplicity), wrapped into
    /// [0, 1), dropping points within the fractional tolerance of an earlier one (periodically);
    /// returns how many were written. Fewer than Multiplicity means the parameters sit on a special point.
    /// </summary>
    public int Orbit(ReadOnlySpan<double> parameters, Span<Vec3> destination, double tolerance = 1e-6)
    {
        if (destination.Length < Multiplicity)
            throw new ArgumentException($"orbit of {Multiplicity}{Letter} needs {Multiplicity} slots, got {destination.Length}");
        var x = Representative(parameters);
        var count = 0;
        foreach (var op in _cosets)
        {
            var y = op.Apply(x).Wrapped();
            if (!ContainsPeriodic(destination[..count], y, tolerance)) destination[count++] = y;
        }
        return count;
    }

    /// <summary>Coordinate triplet as in the International Tables, e.g. "x,1/8,1/8" or "x,2x,z".</summary>
    public string Triplet() => Triplet(Origin, Directions.AsSpan());

    internal static string Triplet(Vec3 origin, ReadOnlySpan<Vec3> directions)
    {
        var parts = new string[3];
        for (var i = 0; i < 3; i++)
        {
            var sb = new StringBuilder();
            for (var k = 0; k < directions.Length; k++)
            {
                var c = (int)Math.Round(directions[k][i]);
                if (c == 0) continue;
                sb.Append(c < 0 ? "-" : sb.Length > 0 ? "+" : "");
                if (Math.Abs(c) != 1) sb.Append(Math.Abs(c));
                sb.Append(ParameterName(directions, k));
            }
            var twentyFourths = (int)Math.Round(origin[i] * SeitzOperation.Denominator);
            if (twentyFourths != 0 || sb.Length == 0)
                sb.Append(sb.Length > 0 ? "+" : "").Append(Fraction(twentyFourths));
            parts[i] = sb.ToString();
        }
        return string.Join(',', parts);
    }

    public override string ToString() => $"{Multiplicity}{Letter} ({Triplet()})";

    // A parameter is named after its pivot: the coordinate where only its direction is non-zero.
    private static char ParameterName(ReadOnlySpan<Vec3> directions, int k)
    {
        for (var i = 0; i < 3; i++)
        {
            var pivot = Math.Abs(directions[k][i]) == 1;
            for (var j = 0; j < directions.Length; j++)
                if (j != k && directions[j][i] != 0) pivot = false;
            if (pivot) return "xyz"[i];
        }
        return "xyz"[k];
    }

    private static string Fraction(int twentyFourths)
    {
        if (twentyFourths == 0) return "0";
        var g = IntVec3.Gcd(twentyFourths, SeitzOperation.Denominator);
        return $"{twentyFourths / g}/{SeitzOperation.Denominator / g}";
    }

    private static bool ContainsPeriodic(ReadOnlySpan<Vec3> points, Vec3 y, double tolerance)
    {
        foreach (var p in points)
        {
            double dx = y.X - p.X, dy = y.Y - p.Y, dz = y.Z - p.Z;
            dx -= Math.Round(dx);
            dy -= Math.Round(dy);
            dz -= Math.Round(dz);
            if (Math.Abs(dx) < tolerance && Math.Abs(dy) < tolerance && Math.Abs(dz) < tolerance) return true;
        }
        return false;
    }
}
