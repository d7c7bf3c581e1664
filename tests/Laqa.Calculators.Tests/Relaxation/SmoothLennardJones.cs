using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Calculators.Tests.Relaxation;

/// <summary>
/// Test fixture: ASE's LennardJones calculator in its smooth mode, u(r) = 4ε[(σ/r)¹² − (σ/r)⁶]·fc(r²)
/// with fc going from 1 at the onset to 0 at the cut-off (C¹, cubic in r²), checked against ASE
/// itself and against finite differences in <see cref="SmoothLennardJonesTests"/>.
/// </summary>
internal sealed class SmoothLennardJones(double epsilon, double sigma, double onset, double cutoff) : ICalculator
{
    public string Name => "test-lj";
    public double Epsilon => epsilon;
    public double Sigma => sigma;
    public double Onset => onset;
    public double Cutoff => cutoff;

    public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
    {
        var neighbours = NeighbourList.Build(structure, cutoff, half: true);
        var forces = new double[3 * structure.Count];
        var stress = new double[9];
        double energy = 0, rc2 = cutoff * cutoff, ro2 = onset * onset, width = Math.Pow(rc2 - ro2, 3);
        for (var i = 0; i < structure.Count; i++)
        for (var k = neighbours.Start[i]; k < neighbours.Start[i + 1]; k++)
        {
            var j = neighbours.Index[k];
            var d = neighbours.Delta[k];
            var r2 = d.NormSquared;
            var c6 = Math.Pow(sigma * sigma / r2, 3);
            var c12 = c6 * c6;
            var pairEnergy = 4 * epsilon * (c12 - c6);
            var derivativeOverR = -24 * epsilon * (2 * c12 - c6) / r2;
            if (r2 >= ro2)
            {
                var fc = (rc2 - r2) * (rc2 - r2) * (rc2 + 2 * r2 - 3 * ro2) / width;
                var dfc = 6 * (rc2 - r2) * (ro2 - r2) / width;
                derivativeOverR = fc * derivativeOverR + 2 * dfc * pairEnergy;
                pairEnergy *= fc;
            }
            energy += pairEnergy;
            double[] pair = [derivativeOverR * d.X, derivativeOverR * d.Y, derivativeOverR * d.Z];
            for (var a = 0; a < 3; a++)
            {
                forces[3 * i + a] += pair[a];
                forces[3 * j + a] -= pair[a];
                for (var b = 0; b < 3; b++) stress[3 * a + b] += pair[a] * d[b];
            }
        }
        var volume = structure.Lattice.Volume;
        for (var k = 0; k < 9; k++) stress[k] /= volume;
        return new CalculationResult(energy, forces, stress);
    }
}
