using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Accumulates W_ab = Σ g_a d_b over interaction vectors d (from one atom to an image of another) with
/// energy gradient g = dE/dd; σ = W / V is the stress with ASE's sign.
/// </summary>
internal static class Virial
{
    public static void Add(Span<double> w, Vec3 g, Vec3 d)
    {
        w[0] += g.X * d.X; w[1] += g.X * d.Y; w[2] += g.X * d.Z;
        w[3] += g.Y * d.X; w[4] += g.Y * d.Y; w[5] += g.Y * d.Z;
        w[6] += g.Z * d.X; w[7] += g.Z * d.Y; w[8] += g.Z * d.Z;
    }

    /// <summary>Adds a symmetric W given by its six distinct components, each off-diagonal one to both of its places.</summary>
    public static void AddSymmetric(Span<double> w, double xx, double yy, double zz, double xy, double xz, double yz)
    {
        w[0] += xx; w[4] += yy; w[8] += zz;
        w[1] += xy; w[3] += xy;
        w[2] += xz; w[6] += xz;
        w[5] += yz; w[7] += yz;
    }

    /// <summary>The symmetrised stress; W is symmetric up to rounding for any rotation-invariant energy.</summary>
    public static double[] ToStress(ReadOnlySpan<double> w, double volume)
    {
        var s = new double[9];
        for (var a = 0; a < 3; a++)
        for (var b = 0; b < 3; b++)
            s[3 * a + b] = 0.5 * (w[3 * a + b] + w[3 * b + a]) / volume;
        return s;
    }
}
