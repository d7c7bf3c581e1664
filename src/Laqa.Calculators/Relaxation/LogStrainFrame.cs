using Laqa.Crystal;
using MathNet.Numerics.LinearAlgebra;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// Atoms and cell as one vector of coordinates, in the manner of ASE's FrechetCellFilter: the
/// cell is the reference cell (the cell at the start of the relaxation) deformed by F = exp(L),
/// with L the symmetric log-deformation gradient; the cell coordinates are c·L (c is ASE's
/// exp_cell_factor, by default the number of atoms) and the atom coordinates are positions in the
/// undeformed reference cell, u = f·reference (f fractional). The generalized forces are F^T·f on
/// atoms and virial/c on the cell, with virial = −V (σ + p·I): ASE's "naive" log-strain gradient, which ASE itself uses
/// whenever it lies within 37° of the exact one, and whose zero is exactly σ = −p·I.
/// </summary>
internal sealed class LogStrainFrame
{
    public const int CellCoordinates = 9;
    public const int PackedLength = 18;

    private readonly double[] _deformation = new double[9];

    private LogStrainFrame(Lattice reference, double[] logStrain)
    {
        Reference = reference;
        LogStrain = logStrain;
    }

    public Lattice Reference { get; }

    /// <summary>L, row-major; exactly symmetric because every update to it is.</summary>
    public double[] LogStrain { get; }

    public static LogStrainFrame Start(Lattice reference) => new(reference, new double[9]);

    public static int CoordinatesFor(Structure structure) => 3 * structure.Count + CellCoordinates;

    /// <summary>Reads the 18 numbers written by <see cref="Pack"/>: reference cell rows, then L.</summary>
    public static LogStrainFrame Unpack(ReadOnlySpan<double> values) => new(
        new Lattice(new Vec3(values[0], values[1], values[2]), new Vec3(values[3], values[4], values[5]), new Vec3(values[6], values[7], values[8])),
        values[9..18].ToArray());

    public void Pack(Span<double> values)
    {
        for (var i = 0; i < 3; i++)
        {
            var row = Reference[i];
            values[3 * i] = row.X;
            values[3 * i + 1] = row.Y;
            values[3 * i + 2] = row.Z;
        }
        LogStrain.CopyTo(values[9..18]);
    }

    /// <summary>Writes the generalized forces, atoms (3N) then cell (9), of the structure evaluated as <paramref name="result"/>.</summary>
    public void WriteForces(CalculationResult result, Structure structure, RelaxationOptions options, Span<double> generalized)
    {
        var deformation = _deformation;
        Exp(LogStrain, deformation, out _, out _);
        var forces = result.Forces;
        var atoms = structure.Count;
        for (var i = 0; i < atoms; i++)
        for (var b = 0; b < 3; b++)
            generalized[3 * i + b] = forces[3 * i] * deformation[b] + forces[3 * i + 1] * deformation[3 + b] + forces[3 * i + 2] * deformation[6 + b];
        var stress = result.Stress;
        var volume = structure.Lattice.Volume;
        var pressure = options.Pressure;
        var cellFactor = options.CellFactorFor(atoms);
        var cell = generalized[(3 * atoms)..];
        for (var a = 0; a < 3; a++)
        for (var b = 0; b < 3; b++)
        {
            // The symmetric part only: rounding in a calculator must not rotate the cell.
            var symmetric = 0.5 * (stress[3 * a + b] + stress[3 * b + a]) + (a == b ? pressure : 0.0);
            cell[3 * a + b] = -volume * symmetric / cellFactor;
        }
    }

    /// <summary>
    /// The structure moved by a displacement of the coordinates (atoms in the reference cell, then
    /// c·L), or null with the reason when the new cell leaves the allowed volume or stretch range.
    /// </summary>
    public Structure? Displace(Structure structure, ReadOnlySpan<double> displacement, RelaxationOptions options, out string? failure)
    {
        var atoms = structure.Count;
        var cellFactor = options.CellFactorFor(atoms);
        for (var k = 0; k < 9; k++) LogStrain[k] += displacement[3 * atoms + k] / cellFactor;
        Exp(LogStrain, _deformation, out var minLogStretch, out var maxLogStretch);
        var volumeRatio = Math.Exp(LogStrain[0] + LogStrain[4] + LogStrain[8]);
        if (!(volumeRatio >= options.MinVolumeRatio && volumeRatio <= options.MaxVolumeRatio))
        {
            failure = $"cell volume would reach {volumeRatio:G4} × its starting volume (allowed {options.MinVolumeRatio}–{options.MaxVolumeRatio})";
            return null;
        }
        var maxLog = Math.Log(options.MaxStretch);
        if (!(minLogStretch >= -maxLog && maxLogStretch <= maxLog))
        {
            failure = $"cell would stretch by {Math.Exp(maxLogStretch):G4} and {Math.Exp(minLogStretch):G4} along its principal axes (allowed 1/{options.MaxStretch}–{options.MaxStretch})";
            return null;
        }
        failure = null;
        var fractional = new Vec3[atoms];
        for (var i = 0; i < atoms; i++)
            fractional[i] = structure.Fractional[i] + Reference.ToFractional(new Vec3(displacement[3 * i], displacement[3 * i + 1], displacement[3 * i + 2]));
        var d = _deformation;
        // Rows a' = a·F^T, as ASE's orig_cell @ F.T.
        var lattice = Reference.Deformed(new[,] { { d[0], d[3], d[6] }, { d[1], d[4], d[7] }, { d[2], d[5], d[8] } });
        return new Structure(lattice, structure.Species, fractional);
    }

    /// <summary>
    /// exp(L) of a symmetric L (row-major) through its eigen-decomposition, and the smallest and
    /// largest eigenvalue of L (log principal stretches).
    /// </summary>
    private static void Exp(ReadOnlySpan<double> logStrain, Span<double> deformation, out double minLogStretch, out double maxLogStretch)
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
        var evd = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { logStrain[0], logStrain[1], logStrain[2] },
            { logStrain[3], logStrain[4], logStrain[5] },
            { logStrain[6], logStrain[7], logStrain[8] },
        }).Evd(Symmetricity.Symmetric);
        var vectors = evd.EigenVectors;
        minLogStretch = double.PositiveInfinity;
        maxLogStretch = double.NegativeInfinity;
        Span<double> stretch = stackalloc double[3];
        for (var k = 0; k < 3; k++)
        {
            var lambda = evd.EigenValues[k].Real;
            minLogStretch = Math.Min(minLogStretch, lambda);
            maxLogStretch = Math.Max(maxLogStretch, lambda);
            stretch[k] = Math.Exp(lambda);
        }
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            deformation[3 * i + j] = vectors[i, 0] * stretch[0] * vectors[j, 0] + vectors[i, 1] * stretch[1] * vectors[j, 1] + vectors[i, 2] * stretch[2] * vectors[j, 2];
    }
}
