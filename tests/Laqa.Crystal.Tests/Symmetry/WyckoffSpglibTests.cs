using System.Text.Json;
using Laqa.Crystal.Symmetry;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Laqa.Crystal.Tests.Symmetry;

/// <summary>
/// Structures built from our Wyckoff positions (random free parameters, random lattice of the crystal
/// system, a species Y on the general position to pin the group), given to spglib in the primitive
/// cell and analysed in one batched python call per test.
/// </summary>
public class WyckoffSpglibTests
{
    private const double MinimumSeparation = 0.1; // Å, far above spglib's symprec, so no atoms merge
    private const double Tolerance = 1e-4; // fractional, per coordinate

    [Fact]
    public void EachPositionAloneIsOneOrbitOfItsMultiplicityInTheGroup()
    {
        var random = new Random(1981);
        var cases = SpaceGroups.All.SelectMany(g => g.WyckoffPositions.Select(w => BuildCell(g, [w], random))).ToList();
        Assert.Equal(1731, cases.Count);
        var (problems, _) = Analyse(cases);
        Assert.True(problems.Count == 0, $"{problems.Count} problems: {string.Join("; ", problems)}");
    }

    [Fact]
    public void AllPositionsOfAGroupTogetherAreOrbitsWithSpglibsLetters()
    {
        var random = new Random(1935);
        var cases = SpaceGroups.All.Select(g => BuildCell(g, g.WyckoffPositions, random)).ToList();
        var (problems, spglibLetters) = Analyse(cases);
        Assert.True(problems.Count == 0, $"{problems.Count} problems: {string.Join("; ", problems)}");
        Assert.Equal(1731, spglibLetters.Count);
        var differing = spglibLetters.Where(p => p.Key.Letter != p.Value).ToList();
        Assert.True(differing.Count == 0,
            $"{differing.Count} of 1731 letters differ from spglib's: {string.Join("; ", differing.Select(p => $"{p.Key.Group} {p.Key}: spglib {p.Value}"))}\n"
            + $"WyckoffLetterTable rows as spglib labels them:\n{string.Join('\n', differing.Select(p => p.Key.Group).Distinct().Select(g => TableRow(g, spglibLetters)))}");
    }

    private sealed record Case(SpaceGroup Group, IReadOnlyList<WyckoffPosition> Occupied, Cell Cell);

    private sealed record Cell(int number, double[][] lattice, double[][] positions, int[] numbers);

    private sealed record SpglibResult(int number, List<string> wyckoffs, List<int> equivalent_atoms, double[][] transformation_matrix, double[] origin_shift);

    /// <summary>
    /// Checks spglib's space-group number and that each occupied position is one orbit of the expected
    /// size (problems). Maps the first atom of each position into spglib's standard frame (which may
    /// differ from ours by a normalizer operation, e.g. another origin) and gives our position holding
    /// that point spglib's letter for the atom; a problem when the two differ in multiplicity.
    /// </summary>
    private static (List<string> Problems, Dictionary<WyckoffPosition, string> SpglibLetters) Analyse(List<Case> cases)
    {
        var output = PythonReference.Run("spglib_wyckoff.py", cases.Select(c => c.Cell).ToList());
        var results = output.Deserialize<List<SpglibResult>>()!;
        Assert.Equal(cases.Count, results.Count);
        var problems = new List<string>();
        var spglibLetters = new Dictionary<WyckoffPosition, string>();
        foreach (var (c, r) in cases.Zip(results))
        {
            if (r.number != c.Group.Number)
            {
                problems.Add($"{c.Group}: spglib finds {r.number}");
                continue;
            }
            for (var s = 0; s < c.Occupied.Count; s++)
            {
                var position = c.Occupied[s];
                var atoms = Enumerable.Range(0, c.Cell.numbers.Length).Where(i => c.Cell.numbers[i] == s + 1).ToList();
                var orbit = r.equivalent_atoms.Where(e => e == r.equivalent_atoms[atoms[0]]).Count();
                if (orbit != atoms.Count || atoms.Count * c.Group.CentringVectors.Length != position.Multiplicity)
                    problems.Add($"{c.Group} {position}: spglib orbit of {orbit} atoms, {atoms.Count} in the primitive cell");
                var inSpglibFrame = Transform(r.transformation_matrix, r.origin_shift, c.Cell.positions[atoms[0]]);
                var ours = PositionOf(c.Group, inSpglibFrame);
                var spglibLetter = r.wyckoffs[atoms[0]] == "A" ? "α" : r.wyckoffs[atoms[0]]; // spglib writes α as A
                if (ours is null || c.Group.Wyckoff(spglibLetter).Multiplicity != ours.Multiplicity)
                    problems.Add($"{c.Group} {position}: our position {ours} and spglib's {spglibLetter} differ in multiplicity");
                else spglibLetters[ours] = spglibLetter;
            }
        }
        return (problems, spglibLetters);
    }

    /// <summary>A WyckoffLetterTable row: the group number, then our representatives in the order of spglib's letters.</summary>
    private static string TableRow(SpaceGroup group, Dictionary<WyckoffPosition, string> spglibLetters) =>
        $"{group.Number,4}  {string.Join(' ', group.WyckoffPositions.OrderBy(w => spglibLetters.GetValueOrDefault(w, "?"), StringComparer.Ordinal).Select(w => w.Triplet()))}";

    /// <summary>The primitive cell with species s+1 on occupied[s] and the last species on the general position.</summary>
    private static Case BuildCell(SpaceGroup group, IReadOnlyList<WyckoffPosition> occupied, Random random)
    {
        var all = occupied.Append(group.GeneralPosition).ToList();
        var conventional = RandomLattices.Of(group.CrystalSystem, random);
        var scale = Math.Cbrt(15.0 * all.Sum(w => w.Multiplicity) / conventional.Volume);
        conventional = conventional.Scaled(scale);
        var primitive = group.PrimitiveLattice(conventional);
        var toPrimitive = DenseMatrix.OfArray(group.PrimitiveBasis).Inverse();

        while (true)
        {
            var points = new List<Vec3>();
            var species = new List<int>();
            for (var s = 0; s < all.Count; s++)
            {
                var orbit = new Vec3[all[s].Multiplicity];
                var n = all[s].Orbit(RandomParameters(all[s], random), orbit);
                if (n != orbit.Length) throw new InvalidOperationException($"{group} {all[s]}: generic parameters gave {n} points");
                var inPrimitive = InPrimitiveCell(orbit, toPrimitive);
                points.AddRange(inPrimitive);
                species.AddRange(inPrimitive.Select(_ => s + 1));
            }
            if (HasPairCloserThan(points, primitive, MinimumSeparation)) continue;
            var cell = new Cell(group.Number,
                [[primitive.A.X, primitive.A.Y, primitive.A.Z], [primitive.B.X, primitive.B.Y, primitive.B.Z], [primitive.C.X, primitive.C.Y, primitive.C.Z]],
                [.. points.Select(p => new[] { p.X, p.Y, p.Z })],
                [.. species]);
            return new Case(group, occupied, cell);
        }
    }

    /// <summary>
    /// Free parameters away from the special values of any supergroup: each parameter and each small
    /// integer combination of two stays clear of multiples of 1/24.
    /// </summary>
    private static double[] RandomParameters(WyckoffPosition position, Random random)
    {
        while (true)
        {
            double[] p = [.. Enumerable.Range(0, position.FreeParameterCount).Select(_ => random.NextDouble())];
            var combinations = p.ToList();
            for (var i = 0; i < p.Length; i++)
                for (var j = 0; j < p.Length; j++)
                    if (i != j) combinations.AddRange([p[i] + p[j], p[i] - p[j], 2 * p[i] - p[j]]);
            if (combinations.All(c => Math.Abs(c * 24 - Math.Round(c * 24)) > 0.05)) return p;
        }
    }

    private static List<Vec3> InPrimitiveCell(Vec3[] conventional, MathNet.Numerics.LinearAlgebra.Matrix<double> toPrimitive)
    {
        var result = new List<Vec3>();
        foreach (var f in conventional)
        {
            var p = new Vec3(
                f.X * toPrimitive[0, 0] + f.Y * toPrimitive[1, 0] + f.Z * toPrimitive[2, 0],
                f.X * toPrimitive[0, 1] + f.Y * toPrimitive[1, 1] + f.Z * toPrimitive[2, 1],
                f.X * toPrimitive[0, 2] + f.Y * toPrimitive[1, 2] + f.Z * toPrimitive[2, 2]).Wrapped();
            if (!result.Any(q => WyckoffGeometry.IsLatticeVector(p - q, Tolerance))) result.Add(p);
        }
        return result;
    }

    // A vector shorter than the threshold has fractional components below threshold / plane spacing
    // (far below 1/2 here), so the wrapped difference is the only image that can be that short.
    private static bool HasPairCloserThan(List<Vec3> fractional, Lattice lattice, double threshold)
    {
        for (var i = 0; i < fractional.Count; i++)
            for (var j = i + 1; j < fractional.Count; j++)
            {
                var d = fractional[j] - fractional[i];
                d = new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z));
                if (lattice.ToCartesian(d).NormSquared < threshold * threshold) return true;
            }
        return false;
    }

    private static Vec3 Transform(double[][] p, double[] shift, double[] x) => new Vec3(
        p[0][0] * x[0] + p[0][1] * x[1] + p[0][2] * x[2] + shift[0],
        p[1][0] * x[0] + p[1][1] * x[1] + p[1][2] * x[2] + shift[1],
        p[2][0] * x[0] + p[2][1] * x[1] + p[2][2] * x[2] + shift[2]).Wrapped();

    /// <summary>
    /// Our position of a point with generic free parameters: the one whose site-symmetry order
    /// matches the point's and whose representative subspace holds an image of the point.
    /// </summary>
    private static WyckoffPosition? PositionOf(SpaceGroup group, Vec3 point)
    {
        var siteOrder = group.Operations.Count(op => WyckoffGeometry.IsLatticeVector(op.Apply(point) - point, Tolerance));
        return group.WyckoffPositions.Where(w => w.SiteSymmetryOrder == siteOrder)
            .FirstOrDefault(w => group.Operations.Any(op => WyckoffGeometry.OnRepresentative(w, op.Apply(point), Tolerance)));
    }
}
