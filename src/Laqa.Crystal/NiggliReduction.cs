namespace Laqa.Crystal;

/// <summary>
/// Niggli reduction by the algorithm of Křivý and Gruber, Acta Cryst. A32, 297 (1976), with the
/// tolerant comparisons of Grosse-Kunstleve, Sauter and Adams, Acta Cryst. A60, 1 (2004).
/// The metric parameters A = a·a, B = b·b, C = c·c, ξ = 2b·c, η = 2a·c, ζ = 2a·b are recomputed
/// from the original vectors and the accumulated integer matrix at each step, so round-off
/// does not build up. The reduced cell keeps the cartesian orientation of the input.
/// </summary>
public static class NiggliReduction
{
    /// <summary>Tolerance ε for comparing metric parameters, relative to V^(2/3) so it scales with the cell.</summary>
    public const double DefaultRelativeTolerance = 1e-5;

    private const int MaxSteps = 100_000;

    public static NiggliCell Reduce(Lattice lattice, double relativeTolerance = DefaultRelativeTolerance)
    {
        var eps = relativeTolerance * Math.Pow(lattice.Volume, 2.0 / 3.0);
        int[] t = [1, 0, 0, 0, 1, 0, 0, 0, 1];
        for (var step = 0; step < MaxSteps; step++)
        {
            var (a, b, c, xi, eta, zeta) = Metric(lattice, t);
            // N1
            if (a > b + eps || (Math.Abs(a - b) <= eps && Math.Abs(xi) > Math.Abs(eta) + eps))
            {
                Apply(t, [0, -1, 0, -1, 0, 0, 0, 0, -1]);
                continue;
            }
            // N2
            if (b > c + eps || (Math.Abs(b - c) <= eps && Math.Abs(eta) > Math.Abs(zeta) + eps))
            {
                Apply(t, [-1, 0, 0, 0, 0, -1, 0, -1, 0]);
                continue;
            }
            // N3, N4: make ξ, η, ζ all positive or all non-positive.
            var (i, j, k) = SignFlips(Sign(xi, eps), Sign(eta, eps), Sign(zeta, eps));
            if (i != 1 || j != 1 || k != 1)
            {
                Apply(t, [i, 0, 0, 0, j, 0, 0, 0, k]);
                (a, b, c, xi, eta, zeta) = Metric(lattice, t);
            }
            // N5: c ← c − sign(ξ) b
            if (Math.Abs(xi) > b + eps || (Math.Abs(xi - b) <= eps && 2 * eta < zeta - eps) || (Math.Abs(xi + b) <= eps && zeta < -eps))
            {
                Apply(t, [1, 0, 0, 0, 1, 0, 0, -Math.Sign(xi), 1]);
                continue;
            }
            // N6: c ← c − sign(η) a
            if (Math.Abs(eta) > a + eps || (Math.Abs(eta - a) <= eps && 2 * xi < zeta - eps) || (Math.Abs(eta + a) <= eps && zeta < -eps))
            {
                Apply(t, [1, 0, 0, 0, 1, 0, -Math.Sign(eta), 0, 1]);
                continue;
            }
            // N7: b ← b − sign(ζ) a
            if (Math.Abs(zeta) > a + eps || (Math.Abs(zeta - a) <= eps && 2 * xi < eta - eps) || (Math.Abs(zeta + a) <= eps && eta < -eps))
            {
                Apply(t, [1, 0, 0, -Math.Sign(zeta), 1, 0, 0, 0, 1]);
                continue;
            }
            // N8: c ← a + b + c
            var sum = xi + eta + zeta + a + b;
            if (sum < -eps || (Math.Abs(sum) <= eps && 2 * (a + eta) + zeta > eps))
            {
                Apply(t, [1, 0, 0, 0, 1, 0, 1, 1, 1]);
                continue;
            }
            return new NiggliCell(Transform(lattice, t), new[,] { { t[0], t[1], t[2] }, { t[3], t[4], t[5] }, { t[6], t[7], t[8] } });
        }
        throw new InvalidOperationException($"Niggli reduction did not finish in {MaxSteps} steps for lattice {lattice}");
    }

    /// <summary>The same crystal in its Niggli-reduced cell: same cartesian positions, coordinates wrapped into the new cell.</summary>
    public static Structure Reduce(Structure structure, double relativeTolerance = DefaultRelativeTolerance)
    {
        var (lattice, t) = Reduce(structure.Lattice, relativeTolerance);
        // r = f·M = f'·T·M, so f' = f·T⁻¹; T is unimodular, so T⁻¹ is its integer adjugate (det = 1).
        var inv = new int[3, 3];
        for (var r = 0; r < 3; r++)
        for (var c = 0; c < 3; c++)
            inv[r, c] = t[(c + 1) % 3, (r + 1) % 3] * t[(c + 2) % 3, (r + 2) % 3] - t[(c + 1) % 3, (r + 2) % 3] * t[(c + 2) % 3, (r + 1) % 3];
        var fractional = structure.Fractional.Select(f => new Vec3(
            f.X * inv[0, 0] + f.Y * inv[1, 0] + f.Z * inv[2, 0],
            f.X * inv[0, 1] + f.Y * inv[1, 1] + f.Z * inv[2, 1],
            f.X * inv[0, 2] + f.Y * inv[1, 2] + f.Z * inv[2, 2]));
        return new Structure(lattice, structure.Species, fractional);
    }

    private static (double A, double B, double C, double Xi, double Eta, double Zeta) Metric(Lattice lattice, int[] t)
    {
        var reduced = Transform(lattice, t);
        Vec3 a = reduced.A, b = reduced.B, c = reduced.C;
        return (a.Dot(a), b.Dot(b), c.Dot(c), 2 * b.Dot(c), 2 * a.Dot(c), 2 * a.Dot(b));
    }

    private static Lattice Transform(Lattice lattice, int[] t)
    {
        Vec3 Row(int i) => t[3 * i] * lattice.A + t[3 * i + 1] * lattice.B + t[3 * i + 2] * lattice.C;
        return new Lattice(Row(0), Row(1), Row(2));
    }

    // t ← step · t: the step's rows give the new vectors in terms of the current ones.
    private static void Apply(int[] t, ReadOnlySpan<int> step)
    {
        Span<int> product = stackalloc int[9];
        for (var r = 0; r < 3; r++)
        for (var c = 0; c < 3; c++)
            product[3 * r + c] = step[3 * r] * t[c] + step[3 * r + 1] * t[3 + c] + step[3 * r + 2] * t[6 + c];
        product.CopyTo(t);
    }

    private static int Sign(double x, double eps) => x > eps ? 1 : x < -eps ? -1 : 0;

    // Křivý–Gruber N3 (l·m·n = 1) and N4 (otherwise) as in Grosse-Kunstleve et al. (2004): the
    // diagonal sign change that keeps the handedness and leaves ξ, η, ζ all > 0 or all ≤ 0.
    private static (int I, int J, int K) SignFlips(int l, int m, int n)
    {
        if (l * m * n == 1) return (l, m, n);
        int[] ijk = [1, 1, 1];
        int[] lmn = [l, m, n];
        var zeroAt = -1;
        for (var q = 0; q < 3; q++)
        {
            if (lmn[q] == 1) ijk[q] = -1;
            else if (lmn[q] == 0) zeroAt = q;
        }
        if (ijk[0] * ijk[1] * ijk[2] < 0) ijk[zeroAt] = -1;
        return (ijk[0], ijk[1], ijk[2]);
    }
}
