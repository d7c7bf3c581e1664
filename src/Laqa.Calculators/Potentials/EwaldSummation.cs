using System.Runtime.Intrinsics;
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

        // Atoms are processed four at a time; rows are padded with uncharged atoms.
        var width = Vector256<double>.Count;
        var stride = (n + width - 1) / width * width;
        var phaseA = PhaseTable(fractional, 0, 0, hMax, stride);
        var phaseB = PhaseTable(fractional, 1, -kMax, kMax, stride);
        var phaseC = PhaseTable(fractional, 2, -lMax, lMax, stride);
        var padded = new double[stride];
        charges.CopyTo(padded);
        // rowRe/Im: qᵢ exp(i(h b₁ + k b₂)·rᵢ); termRe/Im: qᵢ exp(ik·rᵢ) for the current k.
        var rowRe = new double[stride];
        var rowIm = new double[stride];
        var termRe = new double[stride];
        var termIm = new double[stride];
        var forceX = new double[stride];
        var forceY = new double[stride];
        var forceZ = new double[stride];

        var kCutoffSquared = kCutoff * kCutoff;
        var inverseFourAlphaSquared = 1.0 / (4.0 * alpha * alpha);
        var prefactor = 4.0 * Math.PI * CoulombConstant / lattice.Volume;
        var b3Squared = b3.NormSquared;
        double energy = 0.0, wxx = 0, wyy = 0, wzz = 0, wxy = 0, wxz = 0, wyz = 0;

        for (var h = 0; h <= hMax; h++)
        {
            var rowA = h * stride;
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

                var rowB = (k + kMax) * stride;
                for (var i = 0; i < stride; i += width)
                {
                    var aRe = Load(phaseA.Re, rowA + i);
                    var aIm = Load(phaseA.Im, rowA + i);
                    var bRe = Load(phaseB.Re, rowB + i);
                    var bIm = Load(phaseB.Im, rowB + i);
                    var q = Load(padded, i);
                    Store(q * (aRe * bRe - aIm * bIm), rowRe, i);
                    Store(q * (aRe * bIm + aIm * bRe), rowIm, i);
                }

                for (var l = lFirst; l <= lLast; l++)
                {
                    var kv = g + l * b3;
                    var k2 = kv.NormSquared;
                    if (k2 >= kCutoffSquared) continue;
                    var rowC = (l + lMax) * stride;
                    var sumRe = Vector256<double>.Zero;
                    var sumIm = Vector256<double>.Zero;
                    for (var i = 0; i < stride; i += width)
                    {
                        var cRe = Load(phaseC.Re, rowC + i);
                        var cIm = Load(phaseC.Im, rowC + i);
                        var rRe = Load(rowRe, i);
                        var rIm = Load(rowIm, i);
                        var tRe = rRe * cRe - rIm * cIm;
                        var tIm = rRe * cIm + rIm * cRe;
                        Store(tRe, termRe, i);
                        Store(tIm, termIm, i);
                        sumRe += tRe;
                        sumIm += tIm;
                    }
                    double sRe = Vector256.Sum(sumRe), sIm = Vector256.Sum(sumIm);
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

                    // Fᵢ = 2w k Im(S* qᵢ exp(ik·rᵢ)).
                    var forceRe = Vector256.Create(2.0 * weight * sRe);
                    var forceIm = Vector256.Create(2.0 * weight * sIm);
                    var kx = Vector256.Create(kv.X);
                    var ky = Vector256.Create(kv.Y);
                    var kz = Vector256.Create(kv.Z);
                    for (var i = 0; i < stride; i += width)
                    {
                        var f = forceRe * Load(termIm, i) - forceIm * Load(termRe, i);
                        Store(Load(forceX, i) + f * kx, forceX, i);
                        Store(Load(forceY, i) + f * ky, forceY, i);
                        Store(Load(forceZ, i) + f * kz, forceZ, i);
                    }
                }
            }
        }

        for (var i = 0; i < n; i++) AtomForces.Add(forces, i, forceX[i], forceY[i], forceZ[i]);
        Virial.AddSymmetric(strainDerivative, wxx, wyy, wzz, wxy, wxz, wyz);
        return energy;
    }

    private static Vector256<double> Load(double[] array, int offset) => Vector256.Create(new ReadOnlySpan<double>(array, offset, Vector256<double>.Count));

    private static void Store(Vector256<double> value, double[] array, int offset) => value.CopyTo(new Span<double>(array, offset, Vector256<double>.Count));

    private readonly record struct ComplexTable(double[] Re, double[] Im);

    // exp(2πi m fᵢ) for m = first..last, row m − first holding the atoms (padded to the stride), by recurrence in m.
    private static ComplexTable PhaseTable(ReadOnlySpan<Vec3> fractional, int axis, int first, int last, int stride)
    {
        var rows = last - first + 1;
        var re = new double[rows * stride];
        var im = new double[rows * stride];
        var zero = -first * stride;
        for (var i = 0; i < fractional.Length; i++)
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
                    re[zero + m * stride + i] = pRe;
                    im[zero + m * stride + i] = pIm;
                }
                if (-m >= first)
                {
                    re[zero - m * stride + i] = pRe;
                    im[zero - m * stride + i] = -pIm;
                }
            }
        }
        return new ComplexTable(re, im);
    }
}
