using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Energy, forces and stress of a <see cref="RigidIonPotential"/>: shifted short-range pair terms
/// within their cut-off plus the Coulomb energy of the fixed charges by Ewald summation, with α
/// and both cut-offs chosen per structure for the potential's accuracy (or fixed by the caller).
/// Cells must be charge-neutral.
/// </summary>
public sealed class RigidIonCalculator(RigidIonPotential potential, EwaldParameters? fixedEwaldParameters = null) : ICalculator
{
    public string Name => potential.Name;

    public RigidIonPotential Potential => potential;

    /// <summary>The Ewald parameters this calculator uses for the structure (null when no ion is charged).</summary>
    public EwaldParameters? EwaldParametersFor(Structure structure)
    {
        var chargeSquareSum = 0.0;
        foreach (var species in structure.Species)
        {
            var q = potential.ChargeOf(species);
            chargeSquareSum += q * q;
        }
        if (chargeSquareSum == 0) return null;
        return fixedEwaldParameters ?? EwaldParameters.ForAccuracy(structure.Lattice.Volume, structure.Count, chargeSquareSum, potential.CoulombAccuracy);
    }

    public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
    {
        var n = structure.Count;
        var types = SpeciesTypes(structure, out var typeCount);
        var charges = new double[n];
        double netCharge = 0, absoluteCharge = 0, chargeSquareSum = 0;
        for (var i = 0; i < n; i++)
        {
            var q = potential.ChargeOf(structure.Species[i]);
            charges[i] = q;
            netCharge += q;
            absoluteCharge += Math.Abs(q);
            chargeSquareSum += q * q;
        }
        if (Math.Abs(netCharge) > 1e-9 * Math.Max(1.0, absoluteCharge))
            throw new LaqaInputException($"{structure.Formula()} carries net charge {netCharge:G6} e under potential '{Name}': rigid-ion Ewald sums need a neutral cell");
        var pairs = PairTable(structure, types, typeCount, out var anyShortRange);

        var ewald = chargeSquareSum > 0 ? EwaldParametersFor(structure) : null;
        var shortRangeCutoff = anyShortRange ? potential.ShortRangeCutoff : 0.0;
        var realCutoff = ewald?.RealCutoff ?? 0.0;
        var cutoff = Math.Max(shortRangeCutoff, realCutoff);

        var forces = new double[3 * n];
        var strainDerivative = new double[9];
        var energy = 0.0;
        if (cutoff > 0)
        {
            var neighbours = NeighbourList.Build(structure, cutoff, half: true);
            cancellationToken.ThrowIfCancellationRequested();
            energy += PairSum(neighbours, types, typeCount, pairs, charges, ewald?.Alpha ?? 0.0, shortRangeCutoff, realCutoff,
                forces, strainDerivative, out var coincident);
            if (coincident is { } c)
                return CalculationResult.Failed($"atoms {c.I} and {c.J} coincide ({structure.Species[c.I]}, {structure.Species[c.J]})");
        }
        if (ewald is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            energy += EwaldSummation.AddReciprocal(structure.Lattice, structure.Fractional.AsSpan(), charges,
                ewald.Alpha, ewald.ReciprocalCutoff, forces, strainDerivative);
            energy += EwaldSummation.SelfEnergy(ewald.Alpha, chargeSquareSum);
        }
        if (!double.IsFinite(energy))
            return CalculationResult.Failed($"energy is not finite ({energy}) for {structure.Formula()}");

        var stress = new double[9];
        for (var a = 0; a < 9; a++) stress[a] = strainDerivative[a] / structure.Lattice.Volume;
        return new CalculationResult(energy, forces, stress);
    }

    private static double PairSum(NeighbourList neighbours, int[] types, int typeCount, PairTerm[] pairs, double[] charges,
        double alpha, double shortRangeCutoff, double realCutoff, double[] forces, double[] strainDerivative, out (int I, int J)? coincident)
    {
        coincident = null;
        var energy = 0.0;
        double wxx = 0, wyy = 0, wzz = 0, wxy = 0, wxz = 0, wyz = 0;
        var index = neighbours.Index;
        var delta = neighbours.Delta;
        var distance = neighbours.Distance;
        for (var i = 0; i < neighbours.AtomCount; i++)
        {
            var typeRow = types[i] * typeCount;
            var qi = charges[i];
            double fx = 0, fy = 0, fz = 0;
            for (var p = neighbours.Start[i]; p < neighbours.Start[i + 1]; p++)
            {
                var j = index[p];
                var r = distance[p];
                if (r < 1e-8)
                {
                    coincident = (i, j);
                    return double.NaN;
                }
                var derivative = 0.0;
                var qq = qi * charges[j];
                if (r < realCutoff && qq != 0)
                {
                    energy += EwaldSummation.RealSpacePair(qq, alpha, r, out var coulombDerivative);
                    derivative += coulombDerivative;
                }
                ref readonly var term = ref pairs[typeRow + types[j]];
                if (r < shortRangeCutoff && !term.Pair.IsZero)
                {
                    energy += term.Pair.Energy(r, out var shortDerivative) - term.ShiftEnergy;
                    derivative += shortDerivative;
                }
                if (derivative == 0) continue;
                // F on i is (dE/dr) d/r with d from i to j; j receives the opposite.
                var d = delta[p];
                var s = derivative / r;
                double gx = s * d.X, gy = s * d.Y, gz = s * d.Z;
                fx += gx;
                fy += gy;
                fz += gz;
                forces[3 * j] -= gx;
                forces[3 * j + 1] -= gy;
                forces[3 * j + 2] -= gz;
                wxx += gx * d.X;
                wyy += gy * d.Y;
                wzz += gz * d.Z;
                wxy += gx * d.Y;
                wxz += gx * d.Z;
                wyz += gy * d.Z;
            }
            forces[3 * i] += fx;
            forces[3 * i + 1] += fy;
            forces[3 * i + 2] += fz;
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

    private readonly record struct PairTerm(ShortRangePair Pair, double ShiftEnergy);

    private static int[] SpeciesTypes(Structure structure, out int typeCount)
    {
        var typeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var types = new int[structure.Count];
        for (var i = 0; i < types.Length; i++)
        {
            var species = structure.Species[i];
            if (!typeOf.TryGetValue(species, out var t)) typeOf[species] = t = typeOf.Count;
            types[i] = t;
        }
        typeCount = typeOf.Count;
        return types;
    }

    private PairTerm[] PairTable(Structure structure, int[] types, int typeCount, out bool anyShortRange)
    {
        var symbols = new string[typeCount];
        for (var i = 0; i < types.Length; i++) symbols[types[i]] = structure.Species[i];
        var table = new PairTerm[typeCount * typeCount];
        anyShortRange = false;
        for (var a = 0; a < typeCount; a++)
        for (var b = a; b < typeCount; b++)
        {
            var pair = potential.PairOf(symbols[a], symbols[b]);
            var term = new PairTerm(pair, pair.IsZero ? 0.0 : pair.Energy(potential.ShortRangeCutoff, out _));
            table[a * typeCount + b] = table[b * typeCount + a] = term;
            anyShortRange |= !pair.IsZero;
        }
        return table;
    }
}
