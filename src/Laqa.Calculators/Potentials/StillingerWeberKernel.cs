using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Energy, forces and virial of the Stillinger–Weber potential over a full neighbour list: half of
/// φ2 for each direction of a bond, and φ3 once for each pair of neighbours j &lt; k of atom i.
/// </summary>
internal static class StillingerWeberKernel
{
    public static double Evaluate(NeighbourList list, int[] types, int typeCount, StillingerWeberPair[] pairs,
        StillingerWeberAngle[] angles, double[] forces, Span<double> virial)
    {
        var start = list.Start;
        var index = list.Index;
        var delta = list.Delta;
        var distance = list.Distance;
        var energy = 0.0;
        for (var i = 0; i < list.AtomCount; i++)
        {
            var ti = types[i];
            int first = start[i], end = start[i + 1];
            for (var jj = first; jj < end; jj++)
            {
                var j = index[jj];
                var tj = types[j];
                ref readonly var pairJ = ref pairs[ti * typeCount + tj];
                var rij = distance[jj];
                if (rij >= pairJ.NeighbourCutoff) continue;
                var dij = delta[jj];
                var uij = dij / rij;
                energy += 0.5 * pairJ.TwoBody(rij, out var dPhi2);
                var gradientJ = 0.5 * dPhi2 * uij;
                var radialJ = pairJ.RadialFactor(rij, out var dRadialJ);
                var rowIJ = (ti * typeCount + tj) * typeCount;

                for (var kk = jj + 1; kk < end; kk++)
                {
                    var k = index[kk];
                    var tk = types[k];
                    ref readonly var pairK = ref pairs[ti * typeCount + tk];
                    var rik = distance[kk];
                    if (rik >= pairK.NeighbourCutoff) continue;
                    var dik = delta[kk];
                    var uik = dik / rik;
                    var angle = angles[rowIJ + tk];
                    var radialK = pairK.RadialFactor(rik, out var dRadialK);
                    var cosTheta = uij.Dot(uik);
                    var offset = cosTheta - angle.CosTheta0;
                    var strength = angle.LambdaEpsilon * radialJ * radialK;
                    energy += strength * offset * offset;
                    var dEdCos = 2 * strength * offset;
                    var angular = angle.LambdaEpsilon * offset * offset;
                    gradientJ += (angular * dRadialJ * radialK) * uij + (dEdCos / rij) * (uik - cosTheta * uij);
                    var gradientK = (angular * radialJ * dRadialK) * uik + (dEdCos / rik) * (uij - cosTheta * uik);
                    BondGradient.Apply(forces, virial, i, k, gradientK, dik);
                }
                BondGradient.Apply(forces, virial, i, j, gradientJ, dij);
            }
        }
        return energy;
    }
}
