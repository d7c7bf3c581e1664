namespace Laqa.Crystal.Tests;

public class LatticeTests
{
    [Fact]
    public void FromParametersMatchesAseCellparToCellAndRoundTripsThroughCellToCellpar()
    {
        var parameters = RandomCells.Parameters(seed: 11, count: 40);
        var ase = PythonReference.Run("""
            import json, sys
            from ase.geometry import cellpar_to_cell, cell_to_cellpar
            cells = [cellpar_to_cell(p) for p in json.load(sys.stdin)]
            print(json.dumps({"cells": [c.flatten().tolist() for c in cells], "cellpar": [cell_to_cellpar(c).tolist() for c in cells]}))
            """, parameters);
        for (var k = 0; k < parameters.Length; k++)
        {
            var lattice = RandomCells.FromParameters(parameters[k]);
            var expected = ase.GetProperty("cells")[k].Doubles();
            var actual = RandomCells.RowMajor(lattice);
            for (var i = 0; i < 9; i++) Assert.Equal(expected[i], actual[i], 1e-10);
            AssertParameters(ase.GetProperty("cellpar")[k].Doubles(), lattice, 1e-9);
        }
    }

    [Fact]
    public void DerivedQuantitiesMatchAseOnRandomGeneralCells()
    {
        var matrices = RandomCells.Matrices(seed: 5, count: 40);
        var random = new Random(6);
        var fractional = matrices.Select(_ => Enumerable.Range(0, 3).Select(_ => 3 * random.NextDouble() - 1).ToArray()).ToArray();
        var cartesian = matrices.Select(_ => Enumerable.Range(0, 3).Select(_ => 20 * random.NextDouble() - 10).ToArray()).ToArray();
        var strain = matrices.Select(_ => Enumerable.Range(0, 9).Select(i => (i % 4 == 0 ? 1 : 0) + 0.2 * random.NextDouble() - 0.1).ToArray()).ToArray();
        var ase = PythonReference.Run("""
            import json, sys
            import numpy as np
            from ase.cell import Cell
            d = json.load(sys.stdin)
            out = []
            for m, f, r, s in zip(d["m"], d["f"], d["r"], d["s"]):
                cell = Cell(np.reshape(m, (3, 3)))
                rec = cell.reciprocal()
                out.append({"cellpar": cell.cellpar().tolist(), "volume": abs(cell.volume),
                            "reciprocal": rec.flatten().tolist(), "spacings": (1 / np.linalg.norm(rec, axis=1)).tolist(),
                            "cartesian": cell.cartesian_positions([f])[0].tolist(),
                            "fractional": cell.scaled_positions(np.array([r]))[0].tolist(),
                            "deformed": (np.array(cell) @ np.reshape(s, (3, 3))).flatten().tolist()})
            print(json.dumps(out))
            """, new { m = matrices, f = fractional, r = cartesian, s = strain });
        for (var k = 0; k < matrices.Length; k++)
        {
            var lattice = RandomCells.ToLattice(matrices[k]);
            var expected = ase[k];
            AssertParameters(expected.GetProperty("cellpar").Doubles(), lattice, 1e-9);
            Assert.Equal(expected.GetProperty("volume").GetDouble(), lattice.Volume, 1e-9 * lattice.Volume);
            AssertClose(expected.GetProperty("reciprocal").Doubles(), RandomCells.RowMajor(lattice.Reciprocal()), 1e-12);
            var spacings = lattice.PlaneSpacings();
            AssertClose(expected.GetProperty("spacings").Doubles(), [spacings.X, spacings.Y, spacings.Z], 1e-10);
            var f = new Vec3(fractional[k][0], fractional[k][1], fractional[k][2]);
            AssertClose(expected.GetProperty("cartesian").Doubles(), Components(lattice.ToCartesian(f)), 1e-10);
            var r = new Vec3(cartesian[k][0], cartesian[k][1], cartesian[k][2]);
            AssertClose(expected.GetProperty("fractional").Doubles(), Components(lattice.ToFractional(r)), 1e-10);
            AssertClose(Components(r), Components(lattice.ToCartesian(lattice.ToFractional(r))), 1e-10);
            var s = new double[3, 3];
            for (var i = 0; i < 9; i++) s[i / 3, i % 3] = strain[k][i];
            AssertClose(expected.GetProperty("deformed").Doubles(), RandomCells.RowMajor(lattice.Deformed(s)), 1e-10);
        }
    }

    [Theory]
    [InlineData(5, 5, 5, 10, 10, 100)]
    [InlineData(5, 5, 5, 120, 120, 120)]
    [InlineData(5, 5, 5, 90, 90, 0)]
    public void AnglesThatFormNoCellAreRejected(double a, double b, double c, double alpha, double beta, double gamma)
    {
        var volumeFactor = PythonReference.Run($$"""
            import json, numpy as np
            ca, cb, cg = np.cos(np.radians([{{alpha}}, {{beta}}, {{gamma}}]))
            print(json.dumps(1 - ca**2 - cb**2 - cg**2 + 2 * ca * cb * cg))
            """).GetDouble();
        Assert.True(volumeFactor <= 1e-12, "reference says these angles do form a cell");
        Assert.Throws<LaqaInputException>(() => Lattice.FromParameters(a, b, c, alpha, beta, gamma));
    }

    [Theory]
    [InlineData(90, 90, 190)]
    [InlineData(90, -90, 90)]
    [InlineData(0, 90, 90)]
    [InlineData(90, 90, 180)]
    [InlineData(double.NaN, 90, 90)]
    public void AnglesOutsideZeroTo180DegreesAreRejectedByName(double alpha, double beta, double gamma)
    {
        var error = Assert.Throws<LaqaInputException>(() => Lattice.FromParameters(4, 4, 4, alpha, beta, gamma));
        Assert.Contains("strictly between 0° and 180°", error.Message);
    }

    internal static void AssertParameters(double[] expected, Lattice lattice, double tolerance)
    {
        double[] actual = [lattice.LengthA, lattice.LengthB, lattice.LengthC, lattice.Alpha, lattice.Beta, lattice.Gamma];
        for (var i = 0; i < 6; i++) Assert.Equal(expected[i], actual[i], tolerance * Math.Max(1, Math.Abs(expected[i])));
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = Math.Max(1, expected.Max(Math.Abs));
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], tolerance * scale);
    }

    internal static double[] Components(Vec3 v) => [v.X, v.Y, v.Z];
}
