using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Energy, forces and virial of the Stillinger–Weber potential over a full neighbour list: half of
/// φ2 for each direction of a bond, and φ3 once for each pair of neighbours j &lt; k of atom i.
/// </summary>
internal static class StillingerWeberKernel
{
    // Per-thread scratch for the neighbours of the current atom i within their (i, j, j) cut-off:
    // list entry, unit vector, and the radial factor exp(γσ / (r − aσ)) with its derivative.
    [ThreadStatic] private static int[]? _entries;
    [ThreadStatic] private static Vec3[]? _units;
    [ThreadStatic] private static double[]? _radial;
    [ThreadStatic] private static double[]? _radialDerivative;

    public static double Evaluate(NeighbourList list, int[] types, int typeCount, StillingerWeberPair[] pairs,
        StillingerWeberAngle[] angles, double[] forces, Span<double> virial)
    {
        var start = list.Start;
        var index = list.Index;
        var delta = list.Delta;
        var distance = list.Distance;
        var maxNeighbours = list.MaxNeighbours();
        if (_entries is null || _entries.Length < maxNeighbours)
        {
            _entries = new int[maxNeighbours];
            _units = new Vec3[maxNeighbours];
            _radial = new double[maxNeighbours];
            _radialDerivative = new double[maxNeighbours];
        }
        var entries = _entries;
        var units = _units!;
        var radial = _radial!;
        var radialDerivative = _radialDerivative!;

        var energy = 0.0;
        for (var i = 0; i < list.AtomCount; i++)
        {
            var ti = types[i];
            var count = 0;
            for (var e = start[i]; e < start[i + 1]; e++)
            {
                ref readonly var pair = ref pairs[ti * typeCount + types[index[e]]];
                var r = distance[e];
                if (r >= pair.NeighbourCutoff) continue;
                entries[count] = e;
                units[count] = delta[e] / r;
                radial[count] = pair.RadialFactor(r, out radialDerivative[count]);
                count++;
            }

            for (var nj = 0; nj < count; nj++)
            {
                var jj = entries[nj];
                var j = index[jj];
                var tj = types[j];
                var rij = distance[jj];
                var uij = units[nj];
                energy += 0.5 * pairs[ti * typeCount + tj].TwoBody(rij, out var dPhi2);
                var gradientJ = 0.5 * dPhi2 * uij;
                var rowIJ = (ti * typeCount + tj) * typeCount;

                for (var nk = nj + 1; nk < count; nk++)
                {
                    var kk = entries[nk];
                    var k = index[kk];
                    var rik = distance[kk];
                    var uik = units[nk];
                    var angle = angles[rowIJ + types[k]];
                    var cosTheta = uij.Dot(uik);
                    var offset = cosTheta - angle.CosTheta0;
                    var strength = angle.LambdaEpsilon * radial[nj] * radial[nk];
                    energy += strength * offset * offset;
                    var dEdCos = 2 * strength * offset;
                    var angular = angle.LambdaEpsilon * offset * offset;
                    gradientJ += (angular * radialDerivative[nj] * radial[nk]) * uij + (dEdCos / rij) * (uik - cosTheta * uij);
                    var gradientK = (angular * radial[nj] * radialDerivative[nk]) * uik + (dEdCos / rik) * (uij - cosTheta * uik);
                    BondGradient.Apply(forces, virial, i, k, gradientK, delta[kk]);
                }
                BondGradient.Apply(forces, virial, i, j, gradientJ, delta[jj]);
            }
        }
        return energy;
    }
}
