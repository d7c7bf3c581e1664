using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Accumulates W_ab = Σ g_a d_b over interaction vectors d (from one atom to an image of another) with
/// energy gradient g = dE/dd; σ = W / V is the stress with ASE's sign.
/// </summary>
internal static class Virial
{
    public static void Add(Span<double> w, double gx, double gy, double gz, Vec3 d)
    {
        w[0] += gx * d.X; w[1] += gx * d.Y; w[2] += gx * d.Z;
        w[3] += gy * d.X; w[4] += gy * d.Y; w[5] += gy * d.Z;
        w[6] += gz * d.X; w[7] += gz * d.Y; w[8] += gz * d.Z;
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
