using System.Globalization;
using Laqa.Crystal;
using Laqa.Crystal.Neighbours;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// Energy, forces and stress of a <see cref="RigidIonPotential"/>: shifted short-range pair terms
/// within their cut-off plus the Coulomb energy of the fixed charges by Ewald summation, with α
/// and both cut-offs chosen per structure for the potential's accuracy (or fixed by the caller).
/// A cell with a net charge is refused rather than given a neutralising background: with fixed
/// charges it can only come from a composition that does not fit the potential.
/// </summary>
public sealed class RigidIonCalculator(RigidIonPotential potential, EwaldParameters? fixedEwaldParameters = null) : IPotential
{
    public string Name => potential.Name;
    public string Description => potential.Description;
    public RigidIonPotential Potential => potential;

    public string? MissingParameters(IReadOnlyCollection<string> species) => potential.MissingParameters(species);

    public string? CannotEvaluate(Composition composition) =>
        MissingParameters([.. composition.Symbols]) is { } missing
            ? $"{missing} of the composition {composition}"
            : NetCharge([.. composition.AtomSymbols()], composition.Formula());

    /// <summary>Why a cell of these atoms (one species each) cannot be evaluated for its net charge, or null when it is neutral.</summary>
    private string? NetCharge(IReadOnlyList<string> atoms, string formula)
    {
        double netCharge = 0, absoluteCharge = 0;
        foreach (var species in atoms)
        {
            potential.TryGetCharge(species, out var q);
            netCharge += q;
            absoluteCharge += Math.Abs(q);
        }
        return Math.Abs(netCharge) > 1e-9 * Math.Max(1.0, absoluteCharge)
            ? $"{formula} carries a net charge of {netCharge:G6} e; the Ewald sum needs a neutral cell"
            : null;
    }

    /// <summary>The Ewald parameters used for this structure: fixed, or chosen for its volume, ions and short-range reach (null when no ion is charged).</summary>
    public EwaldParameters? EwaldParametersFor(Structure structure)
    {
        var kinds = SpeciesIndex.Of(structure);
        var missing = potential.MissingParameters(kinds.Names);
        if (missing is not null) throw new LaqaInputException($"potential '{Name}': {missing}");
        var chargeSquareSum = structure.Species.Sum(s => potential.Charges[s] * potential.Charges[s]);
        PairTable(kinds, out var anyShortRange);
        return ChooseEwald(structure.Lattice.Volume, structure.Count, chargeSquareSum, anyShortRange);
    }

    private EwaldParameters? ChooseEwald(double volume, int atomCount, double chargeSquareSum, bool anyShortRange) =>
        chargeSquareSum == 0 ? null
            : fixedEwaldParameters ?? EwaldParameters.ForAccuracy(volume, atomCount, chargeSquareSum, potential.CoulombAccuracy,
                anyShortRange ? potential.ShortRangeCutoff : 0.0);

    public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
    {
        var kinds = SpeciesIndex.Of(structure);
        var missing = potential.MissingParameters(kinds.Names);
        if (missing is not null) return CalculationResult.Failed($"potential '{Name}': {missing}");
        var n = structure.Count;
        if (NetCharge(structure.Species, structure.Formula()) is { } charged) return CalculationResult.Failed($"potential '{Name}': {charged}");
        var charges = new double[n];
        var chargeSquareSum = 0.0;
        for (var i = 0; i < n; i++)
        {
            potential.TryGetCharge(structure.Species[i], out var q);
            charges[i] = q;
            chargeSquareSum += q * q;
        }

        if (CollapsedPair(structure, kinds) is { } collapse) return CalculationResult.Failed($"potential '{Name}': {collapse}");

        var pairs = PairTable(kinds, out var anyShortRange);
        var lattice = structure.Lattice;
        var ewald = ChooseEwald(lattice.Volume, n, chargeSquareSum, anyShortRange);
        var shortRangeCutoff = anyShortRange ? potential.ShortRangeCutoff : 0.0;
        var realCutoff = ewald?.RealCutoff ?? 0.0;
        var cutoff = Math.Max(shortRangeCutoff, realCutoff);

        var forces = new double[3 * n];
        var strainDerivative = new double[9];
        var energy = 0.0;
        if (cutoff > 0)
        {
            energy += PairSum(structure, kinds.Types, kinds.Names.Length, pairs, charges, ewald?.Alpha ?? 0.0, shortRangeCutoff, realCutoff,
                forces, strainDerivative, out var coincident);
            if (coincident is { } c)
                return CalculationResult.Failed($"atoms {c.I} ({structure.Species[c.I]}) and {c.J} ({structure.Species[c.J]}) coincide");
        }
        if (ewald is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            energy += EwaldSummation.AddReciprocal(lattice, structure.Fractional.AsSpan(), charges,
                ewald.Alpha, ewald.ReciprocalCutoff, forces, strainDerivative);
            energy += EwaldSummation.SelfEnergy(ewald.Alpha, chargeSquareSum);
        }
        return PotentialResult.From($"potential '{Name}'", energy, forces, strainDerivative, lattice.Volume);
    }

    // Every pair (i ≤ j, lattice image n) once, fused with its evaluation: no neighbour list is stored.
    // A vector with fractional components f has |r| ≥ |fₐ|·(plane spacing)ₐ, which bounds each nₐ per pair.
    private static double PairSum(Structure structure, int[] types, int typeCount, PairTerm[] pairs, double[] charges,
        double alpha, double shortRangeCutoff, double realCutoff, double[] forces, double[] strainDerivative, out (int I, int J)? coincident)
    {
        coincident = null;
        var cutoff = Math.Max(shortRangeCutoff, realCutoff);
        var cutoffSquared = cutoff * cutoff;
        var lattice = structure.Lattice;
        Vec3 a = lattice.A, b = lattice.B, c = lattice.C;
        var spacing = lattice.PlaneSpacings();
        double reach0 = cutoff / spacing.X, reach1 = cutoff / spacing.Y, reach2 = cutoff / spacing.Z;
        var fractional = structure.Fractional;
        var n = structure.Count;
        var energy = 0.0;
        double wxx = 0, wyy = 0, wzz = 0, wxy = 0, wxz = 0, wyz = 0;
        for (var i = 0; i < n; i++)
        {
            var typeRow = types[i] * typeCount;
            var qi = charges[i];
            var fi = fractional[i];
            double fx = 0, fy = 0, fz = 0;
            for (var j = i; j < n; j++)
            {
                var fj = fractional[j];
                double d0 = fj.X - fi.X, d1 = fj.Y - fi.Y, d2 = fj.Z - fi.Z;
                d0 -= Math.Round(d0);
                d1 -= Math.Round(d1);
                d2 -= Math.Round(d2);
                var qq = qi * charges[j];
                ref readonly var term = ref pairs[typeRow + types[j]];
                int first0 = (int)Math.Ceiling(-reach0 - d0), last0 = (int)Math.Floor(reach0 - d0);
                int first1 = (int)Math.Ceiling(-reach1 - d1), last1 = (int)Math.Floor(reach1 - d1);
                int first2 = (int)Math.Ceiling(-reach2 - d2), last2 = (int)Math.Floor(reach2 - d2);
                for (var n0 = first0; n0 <= last0; n0++)
                for (var n1 = first1; n1 <= last1; n1++)
                {
                    double g0 = d0 + n0, g1 = d1 + n1;
                    var row = new Vec3(g0 * a.X + g1 * b.X, g0 * a.Y + g1 * b.Y, g0 * a.Z + g1 * b.Z);
                    for (var n2 = first2; n2 <= last2; n2++)
                    {
                        // An atom meets each of its own images once: n in the positive half only.
                        if (i == j && (n0 < 0 || (n0 == 0 && (n1 < 0 || (n1 == 0 && n2 <= 0))))) continue;
                        var g2 = d2 + n2;
                        var d = new Vec3(row.X + g2 * c.X, row.Y + g2 * c.Y, row.Z + g2 * c.Z);
                        var r2 = d.NormSquared;
                        if (r2 >= cutoffSquared) continue;
                        var r = Math.Sqrt(r2);
                        if (r < 1e-8)
                        {
                            coincident = (i, j);
                            return double.NaN;
                        }
                        var derivative = 0.0;
                        if (r < realCutoff && qq != 0)
                        {
                            energy += EwaldSummation.RealSpacePair(qq, alpha, r, out var coulombDerivative);
                            derivative += coulombDerivative;
                        }
                        if (r < shortRangeCutoff && !term.Pair.IsZero)
                        {
                            energy += term.Pair.Energy(r, out var shortDerivative) - term.ShiftEnergy;
                            derivative += shortDerivative;
                        }
                        // The force on i is (dE/dr) d/r with d from i to the image of j; j receives the opposite.
                        var s = derivative / r;
                        double gx = s * d.X, gy = s * d.Y, gz = s * d.Z;
                        fx += gx;
                        fy += gy;
                        fz += gz;
                        AtomForces.Subtract(forces, j, gx, gy, gz);
                        wxx += gx * d.X;
                        wyy += gy * d.Y;
                        wzz += gz * d.Z;
                        wxy += gx * d.Y;
                        wxz += gx * d.Z;
                        wyz += gy * d.Z;
                    }
                }
            }
            AtomForces.Add(forces, i, fx, fy, fz);
        }
        Virial.AddSymmetric(strainDerivative, wxx, wyy, wzz, wxy, wxz, wyz);
        return energy;
    }

    /// <summary>The first pair closer than its collapse barrier, described, or null.</summary>
    private string? CollapsedPair(Structure structure, SpeciesIndex kinds)
    {
        var barrier = new double[kinds.Names.Length * kinds.Names.Length];
        var reach = 0.0;
        for (var a = 0; a < kinds.Names.Length; a++)
        for (var b = 0; b < kinds.Names.Length; b++)
            reach = Math.Max(reach, barrier[a * kinds.Names.Length + b] = potential.CollapseDistance(kinds.Names[a], kinds.Names[b]));
        if (reach == 0) return null;
        var neighbours = NeighbourList.Build(structure, reach, half: true);
        for (var i = 0; i < structure.Count; i++)
        for (var k = neighbours.Start[i]; k < neighbours.Start[i + 1]; k++)
        {
            var j = neighbours.Index[k];
            var r = neighbours.Distance[k];
            var inside = barrier[kinds.Types[i] * kinds.Names.Length + kinds.Types[j]];
            if (r < inside && r >= 1e-8)
                return string.Create(CultureInfo.InvariantCulture,
                    $"atoms {i} ({structure.Species[i]}) and {j} ({structure.Species[j]}) at {r:G3} Å are inside the Buckingham-catastrophe barrier of the pair at {inside:G3} Å");
        }
        return null;
    }

    private readonly record struct PairTerm(ShortRangePair Pair, double ShiftEnergy);

    private PairTerm[] PairTable(SpeciesIndex kinds, out bool anyShortRange)
    {
        var typeCount = kinds.Names.Length;
        var table = new PairTerm[typeCount * typeCount];
        anyShortRange = false;
        for (var a = 0; a < typeCount; a++)
        for (var b = a; b < typeCount; b++)
        {
            potential.TryGetPair(kinds.Names[a], kinds.Names[b], out var pair);
            var term = new PairTerm(pair, pair.IsZero ? 0.0 : pair.Energy(potential.ShortRangeCutoff, out _));
            table[a * typeCount + b] = table[b * typeCount + a] = term;
            anyShortRange |= !pair.IsZero;
        }
        return table;
    }
}
