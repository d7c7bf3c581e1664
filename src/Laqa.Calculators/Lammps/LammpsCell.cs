using Laqa.Crystal;

namespace Laqa.Calculators.Lammps;

/// <summary>
/// A lattice in LAMMPS's restricted triclinic form (a along x, b in the xy plane, c with positive z)
/// and the orthogonal map T between frames: a row vector v in our frame is v·T in LAMMPS's.
/// A left-handed cell maps by an improper rotation, which leaves every energy unchanged.
/// </summary>
public sealed class LammpsCell
{
    public LammpsCell(Lattice lattice)
    {
        Vec3 a = lattice.A, b = lattice.B, c = lattice.C;
        Lx = a.Norm;
        var unitA = a / Lx;
        Xy = b.Dot(unitA);
        Ly = Math.Sqrt(b.NormSquared - Xy * Xy);
        Xz = c.Dot(unitA);
        Yz = (b.Dot(c) - Xy * Xz) / Ly;
        Lz = Math.Sqrt(c.NormSquared - Xz * Xz - Yz * Yz);
        Lattice = new Lattice(new Vec3(Lx, 0, 0), new Vec3(Xy, Ly, 0), new Vec3(Xz, Yz, Lz));
        // T = M⁻¹ H; column j of M⁻¹ is the reciprocal vector b_j.
        var reciprocal = lattice.Reciprocal();
        var h = Lattice.Matrix;
        Rotation = new double[3, 3];
        for (var k = 0; k < 3; k++)
        for (var l = 0; l < 3; l++)
            for (var j = 0; j < 3; j++)
                Rotation[k, l] += reciprocal[j][k] * h[j, l];
    }

    public double Lx { get; }
    public double Ly { get; }
    public double Lz { get; }
    public double Xy { get; }
    public double Xz { get; }
    public double Yz { get; }

    /// <summary>The same cell in LAMMPS's orientation; fractional coordinates are shared.</summary>
    public Lattice Lattice { get; }

    /// <summary>T, row-major: v_lammps = v_ours · T.</summary>
    public double[,] Rotation { get; }

    /// <summary>Forces (flattened per atom) from LAMMPS's frame back to ours: f = f_lammps · Tᵀ.</summary>
    public double[] ForcesToOurFrame(ReadOnlySpan<double> lammps)
    {
        var ours = new double[lammps.Length];
        for (var i = 0; i < lammps.Length; i += 3)
        for (var a = 0; a < 3; a++)
            ours[i + a] = lammps[i] * Rotation[a, 0] + lammps[i + 1] * Rotation[a, 1] + lammps[i + 2] * Rotation[a, 2];
        return ours;
    }

    /// <summary>A row-major tensor from LAMMPS's frame back to ours: σ = T σ_lammps Tᵀ.</summary>
    public double[] TensorToOurFrame(double[] lammps)
    {
        var ours = new double[9];
        for (var a = 0; a < 3; a++)
        for (var b = 0; b < 3; b++)
        {
            var sum = 0.0;
            for (var k = 0; k < 3; k++)
            for (var l = 0; l < 3; l++)
                sum += Rotation[a, k] * lammps[3 * k + l] * Rotation[b, l];
            ours[3 * a + b] = sum;
        }
        return ours;
    }
}
