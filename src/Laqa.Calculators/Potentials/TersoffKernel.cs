using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Energy, forces and virial of the Tersoff potential over a full neighbour list. Every term is a
/// function of vectors from atom i to its neighbours, so the gradient with respect to each vector
/// gives both forces and virial, also when a neighbour is an image of i itself.
/// </summary>
internal static class TersoffKernel
{
    // Per-thread scratch: unit vectors to the neighbours of the current atom i; for the current bond i–j,
    // the neighbours k inside their cut-off and dζ_ij/dr_ik.
    [ThreadStatic] private static Vec3[]? _units;
    [ThreadStatic] private static int[]? _angleNeighbours;
    [ThreadStatic] private static Vec3[]? _zetaGradients;

    public static double Evaluate(NeighbourList list, int[] types, int typeCount, TersoffTriplet[] table, double[] forces, Span<double> virial)
    {
        var start = list.Start;
        var index = list.Index;
        var delta = list.Delta;
        var distance = list.Distance;
        var maxNeighbours = list.MaxNeighbours();
        if (_units is null || _units.Length < maxNeighbours)
        {
            _units = new Vec3[maxNeighbours];
            _angleNeighbours = new int[maxNeighbours];
            _zetaGradients = new Vec3[maxNeighbours];
        }
        var units = _units;
        var angleNeighbours = _angleNeighbours!;
        var zetaGradients = _zetaGradients!;

        var energy = 0.0;
        for (var i = 0; i < list.AtomCount; i++)
        {
            var rowI = types[i] * typeCount;
            int first = start[i], count = start[i + 1] - first;
            for (var n = 0; n < count; n++) units[n] = delta[first + n] / distance[first + n];
            for (var nj = 0; nj < count; nj++)
            {
                var jj = first + nj;
                var j = index[jj];
                var rowIJ = (rowI + types[j]) * typeCount;
                ref readonly var bond = ref table[rowIJ + types[j]];
                var rij = distance[jj];
                if (rij >= bond.Cutoff) continue;
                var uij = units[nj];
                var fcij = bond.CutoffFunction(rij, out var dfcij);

                var repulsion = bond.A * Math.Exp(-bond.Lambda1 * rij);
                energy += 0.5 * fcij * repulsion;
                var dEdr = 0.5 * repulsion * (dfcij - bond.Lambda1 * fcij);

                var zeta = 0.0;
                var zetaGradientJ = Vec3.Zero;
                var angles = 0;
                for (var nk = 0; nk < count; nk++)
                {
                    if (nk == nj) continue;
                    ref readonly var angle = ref table[rowIJ + types[index[first + nk]]];
                    var rik = distance[first + nk];
                    if (rik >= angle.Cutoff) continue;
                    var uik = units[nk];
                    var cosTheta = uij.Dot(uik);
                    var fcik = angle.CutoffFunction(rik, out var dfcik);
                    var g = angle.Angular(cosTheta, out var dg);
                    var ex = angle.RadialExponential(rij - rik, out var dex);
                    zeta += fcik * g * ex;
                    var angular = fcik * dg * ex;
                    var radial = fcik * g * dex;
                    zetaGradientJ += (angular / rij) * (uik - cosTheta * uij) + radial * uij;
                    zetaGradients[angles] = (dfcik * g * ex - radial) * uik + (angular / rik) * (uij - cosTheta * uik);
                    angleNeighbours[angles++] = first + nk;
                }

                var order = bond.BondOrder(zeta, out var dOrder);
                var attraction = -bond.B * Math.Exp(-bond.Lambda2 * rij);
                energy += 0.5 * order * fcij * attraction;
                dEdr += 0.5 * order * attraction * (dfcij - bond.Lambda2 * fcij);
                var dEdZeta = 0.5 * fcij * attraction * dOrder;

                BondGradient.Apply(forces, virial, i, j, dEdr * uij + dEdZeta * zetaGradientJ, delta[jj]);
                if (dEdZeta == 0) continue;
                for (var a = 0; a < angles; a++)
                {
                    var kk = angleNeighbours[a];
                    BondGradient.Apply(forces, virial, i, index[kk], dEdZeta * zetaGradients[a], delta[kk]);
                }
            }
        }
        return energy;
    }
}
