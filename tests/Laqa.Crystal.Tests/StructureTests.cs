namespace Laqa.Crystal.Tests;

public class StructureTests
{
    [Fact]
    public void WrappingAndCartesianPositionsMatchAseAtoms()
    {
        var matrices = RandomCells.Matrices(seed: 21, count: 10);
        var random = new Random(22);
        var fractional = matrices.Select(_ => Enumerable.Range(0, 8)
            .Select(_ => new[] { 6 * random.NextDouble() - 3, 6 * random.NextDouble() - 3, 6 * random.NextDouble() - 3 }).ToArray()).ToArray();
        var ase = PythonReference.Run("""
            import json, sys
            import numpy as np
            from ase import Atoms
            d = json.load(sys.stdin)
            out = []
            for m, f in zip(d["m"], d["f"]):
                atoms = Atoms("Si4O4", cell=np.reshape(m, (3, 3)), scaled_positions=f, pbc=True)
                atoms.wrap()
                out.append({"fractional": atoms.get_scaled_positions(wrap=False).tolist(), "cartesian": atoms.get_positions().tolist()})
            print(json.dumps(out))
            """, new { m = matrices, f = fractional });
        string[] species = ["Si", "Si", "Si", "Si", "O", "O", "O", "O"];
        for (var k = 0; k < matrices.Length; k++)
        {
            var lattice = RandomCells.ToLattice(matrices[k]);
            var structure = new Structure(lattice, species, fractional[k].Select(f => new Vec3(f[0], f[1], f[2])));
            var expectedFractional = ase[k].GetProperty("fractional").Matrix();
            var expectedCartesian = ase[k].GetProperty("cartesian").Matrix();
            var cartesian = structure.Cartesian();
            for (var i = 0; i < species.Length; i++)
            {
                var f = structure.Fractional[i];
                Assert.True(f.X is >= 0 and < 1 && f.Y is >= 0 and < 1 && f.Z is >= 0 and < 1, $"not wrapped: {f}");
                // ASE wraps with a 1e-7 shift, so fractional coordinates are compared on the circle.
                var expected = new Vec3(expectedFractional[i][0], expectedFractional[i][1], expectedFractional[i][2]);
                Assert.True(PeriodicDistance(expected, f) < 1e-10, $"atom {i}: ASE {expected}, ours {f}");
                var roundTrip = Structure.FromCartesian(lattice, species, cartesian).Fractional[i];
                Assert.True(PeriodicDistance(roundTrip, f) < 1e-10, $"atom {i}: round trip {roundTrip}, original {f}");
                if (expectedFractional[i].All(x => x is > 1e-6 and < 1 - 1e-6))
                    LatticeTests.AssertClose(expectedCartesian[i], LatticeTests.Components(cartesian[i]), 1e-10);
            }
        }
    }

    internal static double PeriodicDistance(Vec3 f, Vec3 g)
    {
        var d = f - g;
        return new Vec3(d.X - Math.Round(d.X), d.Y - Math.Round(d.Y), d.Z - Math.Round(d.Z)).Norm;
    }
}
