using Laqa.Crystal.Symmetry;

namespace Laqa.Crystal.Tests.Symmetry;

/// <summary>Lattice vectors and Wyckoff representative subspaces in fractional coordinates, to a tolerance per coordinate.</summary>
internal static class WyckoffGeometry
{
    public static bool IsLatticeVector(Vec3 v, double tolerance) =>
        Math.Abs(v.X - Math.Round(v.X)) < tolerance && Math.Abs(v.Y - Math.Round(v.Y)) < tolerance && Math.Abs(v.Z - Math.Round(v.Z)) < tolerance;

    /// <summary>Whether <paramref name="y"/> is on the representative subspace of <paramref name="w"/> up to a lattice vector.</summary>
    public static bool OnRepresentative(WyckoffPosition w, Vec3 y, double tolerance)
    {
        // Each direction is 1 at its pivot coordinate where the others are 0, so the pivots give the parameters.
        var r = y - w.Origin;
        foreach (var d in w.Directions)
        {
            var pivot = Enumerable.Range(0, 3).First(i => Math.Abs(d[i]) == 1 && w.Directions.All(e => e == d || e[i] == 0));
            r -= r[pivot] * d[pivot] * d;
        }
        return IsLatticeVector(r, tolerance);
    }
}
