using Laqa.Crystal.Symmetry;

namespace Laqa.Crystal.Generation;

/// <summary>Random conventional lattices of a crystal system with a given volume (hexagonal axes for trigonal groups).</summary>
public static class LatticeSampler
{
    private const double MinAngle = 60.0, MaxAngle = 120.0;
    private const double MaxAxisRatio = 2.0;

    public static Lattice Sample(CrystalSystem system, double volume, Random random)
    {
        while (true)
        {
            double rb = AxisRatio(random), rc = AxisRatio(random);
            double alpha = 90, beta = 90, gamma = 90;
            switch (system)
            {
                case CrystalSystem.Cubic:
                    rb = rc = 1;
                    break;
                case CrystalSystem.Tetragonal:
                    rb = 1;
                    break;
                case CrystalSystem.Trigonal:
                case CrystalSystem.Hexagonal:
                    rb = 1;
                    gamma = 120;
                    break;
                case CrystalSystem.Orthorhombic:
                    break;
                case CrystalSystem.Monoclinic:
                    beta = Angle(random);
                    break;
                case CrystalSystem.Triclinic:
                    (alpha, beta, gamma) = (Angle(random), Angle(random), Angle(random));
                    break;
            }
            if (!FormsCell(alpha, beta, gamma)) continue;
            var unit = Lattice.FromParameters(1, rb, rc, alpha, beta, gamma);
            return unit.Scaled(Math.Cbrt(volume / unit.Volume));
        }
    }

    // Log-uniform so that a/b and b/a are equally likely.
    private static double AxisRatio(Random random) => Math.Exp((2 * random.NextDouble() - 1) * Math.Log(MaxAxisRatio));

    private static double Angle(Random random) => MinAngle + (MaxAngle - MinAngle) * random.NextDouble();

    // Reject nearly flat cells: the Gram determinant must stay well away from zero.
    private static bool FormsCell(double alpha, double beta, double gamma)
    {
        double ca = Math.Cos(alpha * Math.PI / 180), cb = Math.Cos(beta * Math.PI / 180), cg = Math.Cos(gamma * Math.PI / 180);
        return 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg > 0.2;
    }
}
