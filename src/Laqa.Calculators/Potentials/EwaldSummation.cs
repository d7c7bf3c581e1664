using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// The parts of the Ewald sum for point charges in a neutral periodic cell:
/// E = ½ Σ' ke qᵢqⱼ erfc(αr)/r  +  (2π ke/V) Σ_{k≠0} exp(−k²/4α²)/k² |S(k)|²  −  ke α/√π Σ qᵢ².
/// Strain derivatives dE/dε (eV) are accumulated row-major; the stress is their sum over V.
/// </summary>
public static class EwaldSummation
{
    /// <summary>e²/(4π ε₀) in eV·Å (the value LAMMPS uses in metal units).</summary>
    public const double CoulombConstant = 14.399645;

    private static readonly double TwoOverSqrtPi = 2.0 / Math.Sqrt(Math.PI);

    /// <summary>Real-space energy of one pair of charges at distance r, and dE/dr.</summary>
    public static double RealSpacePair(double chargeProduct, double alpha, double r, out double derivative)
    {
        var inverseR = 1.0 / r;
        var erfc = ErrorFunction.ErfcWithGaussian(alpha * r, out var gaussian);
        var energy = CoulombConstant * chargeProduct * erfc * inverseR;
        derivative = -(energy + CoulombConstant * chargeProduct * TwoOverSqrtPi * alpha * gaussian) * inverseR;
        return energy;
    }

    /// <summary>The self-interaction term −ke α/√π Σ qᵢ².</summary>
    public static double SelfEnergy(double alpha, double chargeSquareSum) =>
        -CoulombConstant * alpha / Math.Sqrt(Math.PI) * chargeSquareSum;

    /// <summary>
    /// Adds the reciprocal-space forces (eV/Å, flattened xyz) and strain derivatives (eV, row-major
    /// 3×3) for all k = 2π(h b₁ + k b₂ + l b₃) with 0 &lt; |k| &lt; <paramref name="kCutoff"/>, and
    /// returns the reciprocal-space energy (eV). Half of k-space is summed, using S(−k) = S(k)*.
    /// </summary>
    public static double AddReciprocal(Lattice lattice, ReadOnlySpan<Vec3> fractional, ReadOnlySpan<double> charges,
        double alpha, double kCutoff, Span<double> forces, Span<double> strainDerivative)
    {
        var n = fractional.Length;
        var reciprocal = lattice.Reciprocal();
        var twoPi = 2.0 * Math.PI;
        Vec3 b1 = twoPi * reciprocal.A, b2 = twoPi * reciprocal.B, b3 = twoPi * reciprocal.C;
        // |h| = |k·a₁|/2π ≤ kc|a₁|/2π, and likewise for the other indices.
        var hMax = (int)Math.Floor(kCutoff * lattice.LengthA / twoPi);
        var kMax = (int)Math.Floor(kCutoff * lattice.LengthB / twoPi);
        var lMax = (int)Math.Floor(kCutoff * lattice.LengthC / twoPi);
        if (hMax == 0 && kMax == 0 && lMax == 0) return 0.0;

        // Phase tables exp(2πi m fᵢ) per axis, row m holding all atoms, built by recurrence in m.
        var phaseA = PhaseTable(fractional, 0, 0, hMax);
        var phaseB = PhaseTable(fractional, 1, -kMax, kMax);
        var phaseC = PhaseTable(fractional, 2, -lMax, lMax);
        var rowRe = new double[n];
        var rowIm = new double[n];
        var termRe = new double[n];
        var termIm = new double[n];

        var kCutoffSquared = kCutoff * kCutoff;
        var inverseFourAlphaSquared = 1.0 / (4.0 * alpha * alpha);
        var prefactor = 4.0 * Math.PI * CoulombConstant / lattice.Volume;
        var b3Squared = b3.NormSquared;
        double energy = 0.0, wxx = 0, wyy = 0, wzz = 0, wxy = 0, wxz = 0, wyz = 0;

        for (var h = 0; h <= hMax; h++)
        {
            var rowA = h * n;
            for (var k = h == 0 ? 0 : -kMax; k <= kMax; k++)
            {
                var g = h * b1 + k * b2;
                // The l with |g + l b₃| < kc solve a quadratic; skip rows with none.
                var halfB = g.Dot(b3);
                var discriminant = halfB * halfB - b3Squared * (g.NormSquared - kCutoffSquared);
                if (discriminant <= 0) continue;
                var root = Math.Sqrt(discriminant);
                var lFirst = Math.Max((int)Math.Ceiling((-halfB - root) / b3Squared), -lMax);
                var lLast = Math.Min((int)Math.Floor((-halfB + root) / b3Squared), lMax);
                if (h == 0 && k == 0) lFirst = Math.Max(lFirst, 1);
                if (lFirst > lLast) continue;

                var rowB = (k + kMax) * n;
                for (var i = 0; i < n; i++)
                {
                    double aRe = phaseA.Re[rowA + i], aIm = phaseA.Im[rowA + i];
                    double bRe = phaseB.Re[rowB + i], bIm = phaseB.Im[rowB + i];
                    rowRe[i] = aRe * bRe - aIm * bIm;
                    rowIm[i] = aRe * bIm + aIm * bRe;
                }

                for (var l = lFirst; l <= lLast; l++)
                {
                    var kv = g + l * b3;
                    var k2 = kv.NormSquared;
                    if (k2 >= kCutoffSquared) continue;
                    var rowC = (l + lMax) * n;
                    double sRe = 0, sIm = 0;
                    for (var i = 0; i < n; i++)
                    {
                        double cRe = phaseC.Re[rowC + i], cIm = phaseC.Im[rowC + i];
                        var eRe = rowRe[i] * cRe - rowIm[i] * cIm;
                        var eIm = rowRe[i] * cIm + rowIm[i] * cRe;
                        termRe[i] = eRe;
                        termIm[i] = eIm;
                        sRe += charges[i] * eRe;
                        sIm += charges[i] * eIm;
                    }
                    // Twice the full-space weight (2π ke/V) exp(−k²/4α²)/k², for k and −k together.
                    var weight = prefactor * Math.Exp(-k2 * inverseFourAlphaSquared) / k2;
                    var termEnergy = weight * (sRe * sRe + sIm * sIm);
                    energy += termEnergy;

                    var strainFactor = 2.0 * termEnergy * (inverseFourAlphaSquared + 1.0 / k2);
                    wxx += strainFactor * kv.X * kv.X - termEnergy;
                    wyy += strainFactor * kv.Y * kv.Y - termEnergy;
                    wzz += strainFactor * kv.Z * kv.Z - termEnergy;
                    wxy += strainFactor * kv.X * kv.Y;
                    wxz += strainFactor * kv.X * kv.Z;
                    wyz += strainFactor * kv.Y * kv.Z;

                    var forceFactor = 2.0 * weight;
                    for (var i = 0; i < n; i++)
                    {
                        var f = forceFactor * charges[i] * (sRe * termIm[i] - sIm * termRe[i]);
                        forces[3 * i] += f * kv.X;
                        forces[3 * i + 1] += f * kv.Y;
                        forces[3 * i + 2] += f * kv.Z;
                    }
                }
            }
        }

        strainDerivative[0] += wxx;
        strainDerivative[4] += wyy;
        strainDerivative[8] += wzz;
        strainDerivative[1] += wxy;
        strainDerivative[3] += wxy;
        strainDerivative[2] += wxz;
        strainDerivative[6] += wxz;
        strainDerivative[5] += wyz;
        strainDerivative[7] += wyz;
        return energy;
    }

    private readonly record struct ComplexTable(double[] Re, double[] Im);

    private static ComplexTable PhaseTable(ReadOnlySpan<Vec3> fractional, int axis, int first, int last)
    {
        var n = fractional.Length;
        var rows = last - first + 1;
        var re = new double[rows * n];
        var im = new double[rows * n];
        var zero = -first * n;
        for (var i = 0; i < n; i++)
        {
            var angle = 2.0 * Math.PI * fractional[i][axis];
            var (sin, cos) = Math.SinCos(angle);
            re[zero + i] = 1.0;
            double pRe = 1.0, pIm = 0.0;
            for (var m = 1; m <= Math.Max(last, -first); m++)
            {
                (pRe, pIm) = (pRe * cos - pIm * sin, pRe * sin + pIm * cos);
                if (m <= last)
                {
                    re[zero + m * n + i] = pRe;
                    im[zero + m * n + i] = pIm;
                }
                if (-m >= first)
                {
                    re[zero - m * n + i] = pRe;
                    im[zero - m * n + i] = -pIm;
                }
            }
        }
        return new ComplexTable(re, im);
    }
}
