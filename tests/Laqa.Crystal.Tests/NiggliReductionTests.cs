namespace Laqa.Crystal.Tests;

public class NiggliReductionTests
{
    private const string ReferenceScript = """
        import json, sys
        import numpy as np
        import spglib
        from ase.build.tools import niggli_reduce_cell
        from ase.geometry import cell_to_cellpar
        out = []
        for m in json.load(sys.stdin):
            cell = np.reshape(m, (3, 3))
            reduced = spglib.niggli_reduce(cell, eps=1e-5)
            out.append({"spglib": None if reduced is None else cell_to_cellpar(reduced).tolist(),
                        "ase": cell_to_cellpar(niggli_reduce_cell(cell)[0]).tolist()})
        print(json.dumps(out))
        """;

    [Fact]
    public void ReducedCellsOfSkewedRandomCellsMatchSpglibAndAse()
    {
        var random = new Random(31);
        var originals = RandomCells.Parameters(seed: 32, count: 60).Select(RandomCells.FromParameters).ToArray();
        var skewed = originals.Select(l => Skew(l, RandomUnimodular(random))).ToArray();
        var reference = PythonReference.Run(ReferenceScript, skewed.Select(RandomCells.RowMajor));
        var spglibAnswered = 0;
        for (var k = 0; k < skewed.Length; k++)
        {
            var (reduced, t) = NiggliReduction.Reduce(skewed[k]);
            var spglibCell = reference[k].GetProperty("spglib");
            if (spglibCell.ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                LatticeTests.AssertParameters(spglibCell.Doubles(), reduced, 1e-6);
                spglibAnswered++;
            }
            LatticeTests.AssertParameters(reference[k].GetProperty("ase").Doubles(), reduced, 1e-6);
            Assert.Equal(skewed[k].Volume, reduced.Volume, 1e-9 * skewed[k].Volume);
            Assert.Equal(1, Determinant(t));
            LatticeTests.AssertClose(RandomCells.RowMajor(Skew(skewed[k], t)), RandomCells.RowMajor(reduced), 1e-10);
            LatticeTests.AssertParameters(Parameters(NiggliReduction.Reduce(originals[k]).Lattice), reduced, 1e-6);
        }
        Assert.True(spglibAnswered > skewed.Length / 2, $"spglib reduced only {spglibAnswered} of {skewed.Length} cells");
    }

    [Fact]
    public void SymmetricLatticesWhereTheTolerantComparisonsDecideMatchSpglibAndAse()
    {
        var random = new Random(35);
        var skewed = SymmetricLattices().SelectMany(l => Enumerable.Range(0, 4).Select(_ => Skew(l, RandomUnimodular(random)))).ToArray();
        var reference = PythonReference.Run(ReferenceScript, skewed.Select(RandomCells.RowMajor));
        for (var k = 0; k < skewed.Length; k++)
        {
            var reduced = NiggliReduction.Reduce(skewed[k]).Lattice;
            LatticeTests.AssertParameters(reference[k].GetProperty("spglib").Doubles(), reduced, 1e-6);
            LatticeTests.AssertParameters(reference[k].GetProperty("ase").Doubles(), reduced, 1e-6);
        }
    }

    [Fact]
    public void ReducingAReducedCellChangesNothing()
    {
        var random = new Random(41);
        foreach (var p in RandomCells.Parameters(seed: 42, count: 30))
        {
            var once = NiggliReduction.Reduce(Skew(RandomCells.FromParameters(p), RandomUnimodular(random))).Lattice;
            var (twice, t) = NiggliReduction.Reduce(once);
            Assert.Equal(new[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, t);
            LatticeTests.AssertClose(RandomCells.RowMajor(once), RandomCells.RowMajor(twice), 0);
        }
    }

    [Fact]
    public void ReducedStructureHoldsTheSameAtoms()
    {
        var random = new Random(51);
        foreach (var p in RandomCells.Parameters(seed: 52, count: 10))
        {
            var lattice = Skew(RandomCells.FromParameters(p), RandomUnimodular(random));
            string[] species = ["Na", "Na", "Cl", "Cl", "Cl"];
            var structure = new Structure(lattice, species,
                species.Select(_ => new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble())));
            var reduced = NiggliReduction.Reduce(structure);
            Assert.Equal(NiggliReduction.Reduce(lattice).Lattice.Matrix, reduced.Lattice.Matrix);
            Assert.Equal(structure.Species.AsEnumerable(), reduced.Species);
            for (var i = 0; i < species.Length; i++)
            {
                // Second path: the reduced atom's cartesian position expressed in the original cell.
                var back = lattice.ToFractional(reduced.CartesianOf(i));
                Assert.True(StructureTests.PeriodicDistance(back, structure.Fractional[i]) < 1e-9,
                    $"atom {i}: {back} is not {structure.Fractional[i]} modulo 1");
            }
        }
    }

    [Fact]
    public void KnownCellsReduceAsTabulated()
    {
        // fcc primitive cell given with a skewed third vector: Niggli cell is a = b = c = a0/√2, all angles 60°.
        const double a0 = 4.05;
        Vec3 a1 = new(0, a0 / 2, a0 / 2), a2 = new(a0 / 2, 0, a0 / 2), a3 = new(a0 / 2, a0 / 2, 0);
        var fcc = new Lattice(a1, a2, a3 + 2 * a1 - 3 * a2);
        var l = a0 / Math.Sqrt(2);
        LatticeTests.AssertParameters([l, l, l, 60, 60, 60], NiggliReduction.Reduce(fcc).Lattice, 1e-9);
        // bcc primitive cell: a = b = c = a0√3/2, all angles 109.47° (type II, all obtuse).
        var bcc = new Lattice(new Vec3(-a0 / 2, a0 / 2, a0 / 2), new Vec3(a0 / 2, -a0 / 2, a0 / 2), new Vec3(a0 / 2, a0 / 2, -a0 / 2));
        var lb = a0 * Math.Sqrt(3) / 2;
        var obtuse = Math.Acos(-1.0 / 3) * 180 / Math.PI;
        LatticeTests.AssertParameters([lb, lb, lb, obtuse, obtuse, obtuse], NiggliReduction.Reduce(bcc).Lattice, 1e-9);
    }

    // Lattices whose reduced cells sit on the boundaries of the Niggli conditions (equal lengths, 60°, 90°, 120° angles).
    private static IEnumerable<Lattice> SymmetricLattices()
    {
        yield return Lattice.Cubic(4.0);
        yield return new Lattice(new Vec3(0, 2.5, 2.5), new Vec3(2.5, 0, 2.5), new Vec3(2.5, 2.5, 0));
        yield return new Lattice(new Vec3(-2, 2, 2), new Vec3(2, -2, 2), new Vec3(2, 2, -2));
        yield return Lattice.FromParameters(3, 3, 5, 90, 90, 120);
        yield return Lattice.FromParameters(5, 5, 5, 70, 70, 70);
        yield return Lattice.FromParameters(5, 5, 5, 100, 100, 100);
        yield return new Lattice(new Vec3(-2, 2, 3.5), new Vec3(2, -2, 3.5), new Vec3(2, 2, -3.5));
        yield return new Lattice(new Vec3(2, -2.5, 0), new Vec3(2, 2.5, 0), new Vec3(0, 0, 6));
        yield return new Lattice(new Vec3(0, 2.5, 3), new Vec3(2, 0, 3), new Vec3(2, 2.5, 0));
        yield return Lattice.FromParameters(4, 5, 6, 90, 105, 90);
        yield return Lattice.FromParameters(4, 4, 6.5, 90, 90, 90);
        yield return Lattice.FromParameters(4, 6, 6, 90, 90, 90);
    }

    private static int[,] RandomUnimodular(Random random)
    {
        var t = new[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        for (var step = 0; step < 6; step++)
        {
            int target = random.Next(3), source = (target + 1 + random.Next(2)) % 3, k = random.Next(1, 4) * (random.Next(2) * 2 - 1);
            for (var c = 0; c < 3; c++) t[target, c] += k * t[source, c];
        }
        return t;
    }

    private static Lattice Skew(Lattice lattice, int[,] t)
    {
        Vec3 Row(int i) => t[i, 0] * lattice.A + t[i, 1] * lattice.B + t[i, 2] * lattice.C;
        return new Lattice(Row(0), Row(1), Row(2));
    }

    private static int Determinant(int[,] t) =>
        t[0, 0] * (t[1, 1] * t[2, 2] - t[1, 2] * t[2, 1]) - t[0, 1] * (t[1, 0] * t[2, 2] - t[1, 2] * t[2, 0])
        + t[0, 2] * (t[1, 0] * t[2, 1] - t[1, 1] * t[2, 0]);

    private static double[] Parameters(Lattice l) => [l.LengthA, l.LengthB, l.LengthC, l.Alpha, l.Beta, l.Gamma];
}
