using Laqa.Crystal;
using MathNet.Numerics.LinearAlgebra;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// Atoms and cell as one vector of coordinates, in the manner of ASE's FrechetCellFilter: the
/// cell is the reference cell deformed by F = exp(L), with L the symmetric log-deformation
/// gradient; the cell coordinates are N·L (N atoms, ASE's exp_cell_factor) and the atom
/// coordinates are positions in the undeformed reference cell, u = f·reference (f fractional).
/// The generalized forces are F^T·f on atoms and virial/N on the cell, with
/// virial = −V (σ + p·I): ASE's "naive" log-strain gradient, which ASE itself uses whenever it lies
/// within 37° of the exact one, and whose zero is exactly σ = −p·I.
/// </summary>
internal static class LogStrainCell
{
    public const int CellCoordinates = 9;

    /// <summary>
    /// Writes the generalized forces for atoms (3N) then cell (9) into <paramref name="generalized"/>,
    /// given the deformation F (row-major) of the current cell relative to the reference.
    /// </summary>
    public static void WriteForces(CalculationResult result, double volume, double pressure, ReadOnlySpan<double> deformation, Span<double> generalized)
    {
        var forces = result.Forces;
        var atoms = forces.Length / 3;
        for (var i = 0; i < atoms; i++)
        for (var b = 0; b < 3; b++)
            generalized[3 * i + b] = forces[3 * i] * deformation[b] + forces[3 * i + 1] * deformation[3 + b] + forces[3 * i + 2] * deformation[6 + b];
        var stress = result.Stress;
        var cell = generalized[(3 * atoms)..];
        for (var a = 0; a < 3; a++)
        for (var b = 0; b < 3; b++)
        {
            // The symmetric part only: rounding in a calculator must not rotate the cell.
            var symmetric = 0.5 * (stress[3 * a + b] + stress[3 * b + a]) + (a == b ? pressure : 0.0);
            cell[3 * a + b] = -volume * symmetric / atoms;
        }
    }

    /// <summary>
    /// exp(L) of a symmetric L (row-major) through its eigen-decomposition, and the smallest and
    /// largest eigenvalue of L (log principal stretches).
    /// </summary>
    public static void Exp(ReadOnlySpan<double> logStrain, Span<double> deformation, out double minLogStretch, out double maxLogStretch)
    {
        var allZero = true;
        foreach (var x in logStrain) allZero &= x == 0.0;
        if (allZero)
        {
            deformation.Clear();
            deformation[0] = deformation[4] = deformation[8] = 1.0;
            minLogStretch = maxLogStretch = 0.0;
            return;
        }
        var m = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { logStrain[0], logStrain[1], logStrain[2] },
            { logStrain[3], logStrain[4], logStrain[5] },
            { logStrain[6], logStrain[7], logStrain[8] },
        });
        var evd = m.Evd(Symmetricity.Symmetric);
        var vectors = evd.EigenVectors;
        var values = evd.EigenValues;
        minLogStretch = double.PositiveInfinity;
        maxLogStretch = double.NegativeInfinity;
        Span<double> stretch = stackalloc double[3];
        for (var k = 0; k < 3; k++)
        {
            var lambda = values[k].Real;
            minLogStretch = Math.Min(minLogStretch, lambda);
            maxLogStretch = Math.Max(maxLogStretch, lambda);
            stretch[k] = Math.Exp(lambda);
        }
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            deformation[3 * i + j] = vectors[i, 0] * stretch[0] * vectors[j, 0] + vectors[i, 1] * stretch[1] * vectors[j, 1] + vectors[i, 2] * stretch[2] * vectors[j, 2];
    }

    /// <summary>The reference cell deformed by F: rows a' = a·F^T (ASE: orig_cell @ F.T).</summary>
    public static Lattice Deform(Lattice reference, ReadOnlySpan<double> deformation) =>
        reference.Deformed(new[,]
        {
            { deformation[0], deformation[3], deformation[6] },
            { deformation[1], deformation[4], deformation[7] },
            { deformation[2], deformation[5], deformation[8] },
        });
}
