using Xunit;

namespace Laqa.Crystal.Tests;

/// <summary>Comparisons of structures read through different code paths.</summary>
internal static class StructureAssert
{
    /// <summary>Same cell matrix, species and positions atom by atom (positions modulo the lattice).</summary>
    public static void SameInOrder(Structure expected, Structure actual, double tolerance)
    {
        SameMatrix(expected.Lattice, actual.Lattice, tolerance);
        Assert.Equal<string>([.. expected.Species], [.. actual.Species]);
        for (var i = 0; i < expected.Count; i++)
            Assert.True(PeriodicDistance(expected.Lattice, expected.Fractional[i], actual.Fractional[i]) < tolerance,
                $"atom {i}: expected {expected.Fractional[i]}, got {actual.Fractional[i]}");
    }

    /// <summary>Same lattice parameters, species and fractional positions atom by atom (the cell may be turned).</summary>
    public static void SameUpToOrientation(Structure expected, Structure actual, double tolerance)
    {
        SameParameters(expected.Lattice, actual.Lattice, tolerance);
        Assert.Equal<string>([.. expected.Species], [.. actual.Species]);
        for (var i = 0; i < expected.Count; i++)
            Assert.True(PeriodicDistance(expected.Lattice, expected.Fractional[i], actual.Fractional[i]) < tolerance,
                $"atom {i}: expected {expected.Fractional[i]}, got {actual.Fractional[i]}");
    }

    /// <summary>Same lattice parameters and the same atoms in any order: each atom pairs with a distinct one of its species.</summary>
    public static void SameAsSets(Structure expected, Structure actual, double tolerance)
    {
        SameParameters(expected.Lattice, actual.Lattice, tolerance);
        Assert.Equal(expected.Count, actual.Count);
        var used = new bool[actual.Count];
        for (var i = 0; i < expected.Count; i++)
        {
            var match = Enumerable.Range(0, actual.Count).FirstOrDefault(j => !used[j] && actual.Species[j] == expected.Species[i] &&
                PeriodicDistance(expected.Lattice, expected.Fractional[i], actual.Fractional[j]) < tolerance, -1);
            Assert.True(match >= 0, $"no {expected.Species[i]} atom at {expected.Fractional[i]}");
            used[match] = true;
        }
    }

    public static void SameMatrix(Lattice expected, Lattice actual, double tolerance)
    {
        var (e, a) = (expected.Matrix, actual.Matrix);
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                Assert.True(Math.Abs(e[i, j] - a[i, j]) < tolerance, $"cell[{i},{j}]: expected {e[i, j]}, got {a[i, j]}");
    }

    public static void SameParameters(Lattice expected, Lattice actual, double tolerance)
    {
        double[] e = [expected.LengthA, expected.LengthB, expected.LengthC, expected.Alpha, expected.Beta, expected.Gamma];
        double[] a = [actual.LengthA, actual.LengthB, actual.LengthC, actual.Alpha, actual.Beta, actual.Gamma];
        for (var k = 0; k < 6; k++)
            Assert.True(Math.Abs(e[k] - a[k]) < tolerance, $"lattice parameter {k}: expected {e[k]}, got {a[k]}");
    }

    /// <summary>Cartesian distance (Å) between two fractional positions, nearest periodic image.</summary>
    public static double PeriodicDistance(Lattice lattice, Vec3 a, Vec3 b)
    {
        var d = a - b;
        return lattice.ToCartesian(new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z))).Norm;
    }
}
