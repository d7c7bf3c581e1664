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
    // Per-thread scratch for the neighbours k of the current bond i–j: their list entries and dζ_ij/dr_ik.
    [ThreadStatic] private static int[]? _bondEntries;
    [ThreadStatic] private static Vec3[]? _zetaGradients;

    public static double Evaluate(NeighbourList list, int[] types, int typeCount, TersoffTriplet[] table, double[] forces, Span<double> virial)
    {
        var maxNeighbours = 0;
        for (var i = 0; i < list.AtomCount; i++) maxNeighbours = Math.Max(maxNeighbours, list.Start[i + 1] - list.Start[i]);
        if (_bondEntries is null || _bondEntries.Length < maxNeighbours)
        {
            _bondEntries = new int[maxNeighbours];
            _zetaGradients = new Vec3[maxNeighbours];
        }
        var bondEntries = _bondEntries;
        var zetaGradients = _zetaGradients!;
        var start = list.Start;
        var index = list.Index;
        var delta = list.Delta;
        var distance = list.Distance;

        var energy = 0.0;
        for (var i = 0; i < list.AtomCount; i++)
        {
            var rowI = types[i] * typeCount;
            int first = start[i], end = start[i + 1];
            for (var jj = first; jj < end; jj++)
            {
                var j = index[jj];
                var rowIJ = (rowI + types[j]) * typeCount;
                ref readonly var bond = ref table[rowIJ + types[j]];
                var rij = distance[jj];
                if (rij >= bond.Cutoff) continue;
                var dij = delta[jj];
                var uij = dij / rij;
                var fcij = bond.CutoffFunction(rij, out var dfcij);

                var repulsion = bond.A * Math.Exp(-bond.Lambda1 * rij);
                energy += 0.5 * fcij * repulsion;
                var dEdr = 0.5 * repulsion * (dfcij - bond.Lambda1 * fcij);

                var zeta = 0.0;
                var zetaGradientJ = Vec3.Zero;
                var count = 0;
                for (var kk = first; kk < end; kk++)
                {
                    if (kk == jj) continue;
                    ref readonly var angle = ref table[rowIJ + types[index[kk]]];
                    var rik = distance[kk];
                    if (rik >= angle.Cutoff) continue;
                    var uik = delta[kk] / rik;
                    var cosTheta = uij.Dot(uik);
                    var fcik = angle.CutoffFunction(rik, out var dfcik);
                    var g = angle.Angular(cosTheta, out var dg);
                    var ex = angle.RadialExponential(rij - rik, out var dex);
                    zeta += fcik * g * ex;
                    var angular = fcik * dg * ex;
                    var radial = fcik * g * dex;
                    zetaGradientJ += (angular / rij) * (uik - cosTheta * uij) + radial * uij;
                    zetaGradients[count] = (dfcik * g * ex - radial) * uik + (angular / rik) * (uij - cosTheta * uik);
                    bondEntries[count++] = kk;
                }

                var order = bond.BondOrder(zeta, out var dOrder);
                var attraction = -bond.B * Math.Exp(-bond.Lambda2 * rij);
                energy += 0.5 * order * fcij * attraction;
                dEdr += 0.5 * order * attraction * (dfcij - bond.Lambda2 * fcij);
                var dEdZeta = 0.5 * fcij * attraction * dOrder;

                BondGradient.Apply(forces, virial, i, j, dEdr * uij + dEdZeta * zetaGradientJ, dij);
                if (dEdZeta == 0) continue;
                for (var c = 0; c < count; c++)
                {
                    var kk = bondEntries[c];
                    BondGradient.Apply(forces, virial, i, index[kk], dEdZeta * zetaGradients[c], delta[kk]);
                }
            }
        }
        return energy;
    }
}
