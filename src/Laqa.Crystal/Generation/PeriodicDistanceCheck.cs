namespace Laqa.Crystal.Generation;

/// <summary>
/// Fast "closer than d" tests between fractional points in one lattice, over every lattice image
/// that can be within the largest distance asked for; no allocation per test.
/// </summary>
internal sealed class PeriodicDistanceCheck
{
    private readonly Lattice _lattice;
    private readonly Vec3[] _shifts;

    public PeriodicDistanceCheck(Lattice lattice, double maxDistance)
    {
        _lattice = lattice;
        var spacing = lattice.PlaneSpacings();
        // With differences reduced to [-0.5, 0.5], farther images cannot come within maxDistance.
        int r0 = (int)Math.Floor(maxDistance / spacing.X + 0.5), r1 = (int)Math.Floor(maxDistance / spacing.Y + 0.5), r2 = (int)Math.Floor(maxDistance / spacing.Z + 0.5);
        var shifts = new List<Vec3>();
        for (var n0 = -r0; n0 <= r0; n0++)
        for (var n1 = -r1; n1 <= r1; n1++)
        for (var n2 = -r2; n2 <= r2; n2++)
            shifts.Add(lattice.ToCartesian(new Vec3(n0, n1, n2)));
        _shifts = [.. shifts];
    }

    public bool Closer(Vec3 p, Vec3 q, double distance)
    {
        var df = q - p;
        var r = _lattice.ToCartesian(new Vec3(df.X - Math.Round(df.X), df.Y - Math.Round(df.Y), df.Z - Math.Round(df.Z)));
        var d2 = distance * distance;
        foreach (var s in _shifts)
        {
            double x = r.X + s.X, y = r.Y + s.Y, z = r.Z + s.Z;
            if (x * x + y * y + z * z < d2) return true;
        }
        return false;
    }
}
