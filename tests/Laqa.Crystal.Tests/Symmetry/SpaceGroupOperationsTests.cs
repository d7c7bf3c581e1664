using Xunit;
using System.Text.Json;
using Laqa.Crystal.Symmetry;

namespace Laqa.Crystal.Tests.Symmetry;

public class SpaceGroupOperationsTests
{
    private const int Twentyfourths = 24;

    [Fact]
    public void EveryGroupHasSpglibsOperationsAndSymbolsForTheStandardSetting()
    {
        var lines = Python.Run("spglib_operations.py").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(230, lines.Length);
        foreach (var line in lines)
        {
            var reference = JsonDocument.Parse(line).RootElement;
            var group = SpaceGroups.Get(reference.GetProperty("number").GetInt32());
            Assert.Equal(reference.GetProperty("symbol").GetString(), group.Symbol);
            Assert.Equal(reference.GetProperty("hall").GetString(), group.HallSymbol);

            var rotations = reference.GetProperty("rotations").EnumerateArray().ToList();
            var translations = reference.GetProperty("translations").EnumerateArray().ToList();
            var expected = rotations.Zip(translations, (r, t) => Key(
                [.. r.EnumerateArray().Select(e => e.GetInt32())],
                [.. t.EnumerateArray().Select(e => e.GetDouble())])).ToHashSet();
            var ours = group.Operations.Select(op => Key(
                [op.R00, op.R01, op.R02, op.R10, op.R11, op.R12, op.R20, op.R21, op.R22], [op.T.X, op.T.Y, op.T.Z])).ToList();

            Assert.Equal(rotations.Count, group.Order);
            Assert.Equal(ours.Count, ours.Distinct().Count());
            Assert.True(expected.SetEquals(ours), $"{group}: operations differ from spglib's");
        }
    }

    [Fact]
    public void TranslationsLieInTheUnitIntervalAndCentringsAreTranslationsOfTheGroup()
    {
        foreach (var group in SpaceGroups.All)
        {
            Assert.All(group.Operations, op => Assert.True(op.T.X is >= 0 and < 1 && op.T.Y is >= 0 and < 1 && op.T.Z is >= 0 and < 1));
            Assert.Equal(Vec3.Zero, group.CentringVectors[0]);
            var keys = group.Operations.Select(KeyOf).ToHashSet();
            foreach (var c in group.CentringVectors)
                Assert.Contains(KeyOf(SymmetryOperation.Identity with { T = c }), keys);
        }
    }

    [Fact]
    public void OperationsAreClosedUnderComposition()
    {
        foreach (var group in SpaceGroups.All)
        {
            var keys = group.Operations.Select(KeyOf).ToHashSet();
            foreach (var a in group.Operations)
                foreach (var b in group.Operations)
                {
                    var product = FromParts(Multiply(a, b), a.Rotate(b.T) + a.T);
                    Assert.Contains(KeyOf(product), keys);
                }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(231)]
    [InlineData(-5)]
    public void NumbersOutsideTheTablesAreRejectedByName(int number)
    {
        var e = Assert.Throws<LaqaInputException>(() => SpaceGroups.Get(number));
        Assert.Contains(number.ToString(), e.Message);
    }

    [Fact]
    public void CrystalSystemAndCentringFollowTheNumberAndSymbol()
    {
        Assert.Equal(230, SpaceGroups.All.Count);
        for (var n = 1; n <= 230; n++) Assert.Equal(n, SpaceGroups.Get(n).Number);
        Assert.Equal(CrystalSystem.Triclinic, SpaceGroups.Get(2).CrystalSystem);
        Assert.Equal(CrystalSystem.Monoclinic, SpaceGroups.Get(14).CrystalSystem);
        Assert.Equal(CrystalSystem.Orthorhombic, SpaceGroups.Get(62).CrystalSystem);
        Assert.Equal(CrystalSystem.Tetragonal, SpaceGroups.Get(139).CrystalSystem);
        Assert.Equal(CrystalSystem.Trigonal, SpaceGroups.Get(166).CrystalSystem);
        Assert.Equal(CrystalSystem.Hexagonal, SpaceGroups.Get(194).CrystalSystem);
        Assert.Equal(CrystalSystem.Cubic, SpaceGroups.Get(227).CrystalSystem);
        foreach (var group in SpaceGroups.All)
        {
            Assert.Equal(group.Symbol[0], group.Centring);
            Assert.Equal(group.Centring switch { 'P' => 1, 'A' or 'B' or 'C' or 'I' => 2, 'R' => 3, 'F' => 4, _ => 0 }, group.CentringVectors.Length);
        }
    }

    [Fact]
    public void RotationsPreserveTheMetricOfALatticeOfTheirCrystalSystem()
    {
        var random = new Random(7);
        foreach (var group in SpaceGroups.All)
        {
            var lattice = RandomLattices.Of(group.CrystalSystem, random);
            var g = Metric(lattice);
            foreach (var op in group.Operations)
                for (var i = 0; i < 3; i++)
                    for (var j = 0; j < 3; j++)
                    {
                        var rotated = 0.0;
                        for (var k = 0; k < 3; k++)
                            for (var l = 0; l < 3; l++) rotated += op[k, i] * g[k, l] * op[l, j];
                        Assert.True(Math.Abs(rotated - g[i, j]) < 1e-9, $"{group}: {op} does not preserve the {group.CrystalSystem} metric");
                    }
        }
    }

    [Fact]
    public void PrimitiveBasisSpansExactlyTheCentredLattice()
    {
        foreach (var group in SpaceGroups.All)
        {
            var p = group.PrimitiveBasis;
            var det = Determinant(p);
            Assert.Equal(1.0 / group.CentringVectors.Length, det, 12);
            for (var i = 0; i < 3; i++)
            {
                var row = new Vec3(p[i, 0], p[i, 1], p[i, 2]);
                Assert.Contains(group.CentringVectors, c => IsInteger(row - c));
            }
            var inverse = Inverse(p);
            foreach (var c in group.CentringVectors)
            {
                var inPrimitive = new Vec3(
                    c.X * inverse[0, 0] + c.Y * inverse[1, 0] + c.Z * inverse[2, 0],
                    c.X * inverse[0, 1] + c.Y * inverse[1, 1] + c.Z * inverse[2, 1],
                    c.X * inverse[0, 2] + c.Y * inverse[1, 2] + c.Z * inverse[2, 2]);
                Assert.True(IsInteger(inPrimitive), $"{group}: centring {c} is not a primitive lattice vector");
            }
            var conventional = Lattice.Cubic(5.0);
            Assert.Equal(conventional.Volume / group.CentringVectors.Length, group.PrimitiveLattice(conventional).Volume, 9);
        }
    }

    private static bool IsInteger(Vec3 v) =>
        Math.Abs(v.X - Math.Round(v.X)) < 1e-9 && Math.Abs(v.Y - Math.Round(v.Y)) < 1e-9 && Math.Abs(v.Z - Math.Round(v.Z)) < 1e-9;

    private static string Key(int[] r, double[] t) =>
        string.Join(',', r) + "|" + string.Join(',', t.Select(x => ((int)Math.Round(x * Twentyfourths) % Twentyfourths + Twentyfourths) % Twentyfourths));

    // The rotation entries (in -1..1) and the translation in 24ths, packed into one number.
    private static long KeyOf(SymmetryOperation op)
    {
        long key = 0;
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++) key = key * 3 + op[i, j] + 1;
        foreach (var t in new[] { op.T.X, op.T.Y, op.T.Z })
            key = key * Twentyfourths + ((int)Math.Round(t * Twentyfourths) % Twentyfourths + Twentyfourths) % Twentyfourths;
        return key;
    }

    private static int[,] Multiply(SymmetryOperation a, SymmetryOperation b)
    {
        var m = new int[3, 3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                for (var k = 0; k < 3; k++) m[i, j] += a[i, k] * b[k, j];
        return m;
    }

    private static SymmetryOperation FromParts(int[,] r, Vec3 t) => SymmetryOperation.FromMatrix(r, t.Wrapped());

    private static double[,] Metric(Lattice lattice)
    {
        var g = new double[3, 3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++) g[i, j] = lattice[i].Dot(lattice[j]);
        return g;
    }

    private static double Determinant(double[,] m) =>
        m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0]) + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);

    private static double[,] Inverse(double[,] m)
    {
        var inverse = new MathNet.Numerics.LinearAlgebra.Double.DenseMatrix(3, 3);
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++) inverse[i, j] = m[i, j];
        return inverse.Inverse().ToArray();
    }
}
