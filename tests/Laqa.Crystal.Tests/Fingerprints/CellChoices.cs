namespace Laqa.Crystal.Tests.Fingerprints;

/// <summary>The same crystal described otherwise: another cell of the same lattice, another atom order, another origin.</summary>
internal static class CellChoices
{
    /// <summary>A random integer matrix of determinant ±1: a signed row permutation times a few random shears.</summary>
    public static int[,] RandomUnimodular(Random random, int shears = 3)
    {
        var rows = new[] { 0, 1, 2 }.OrderBy(_ => random.Next()).ToArray();
        var m = new int[3, 3];
        for (var i = 0; i < 3; i++) m[i, rows[i]] = random.Next(2) == 0 ? 1 : -1;
        for (var n = 0; n < shears; n++)
        {
            var i = random.Next(3);
            var j = (i + 1 + random.Next(2)) % 3;
            var sign = random.Next(2) == 0 ? 1 : -1;
            for (var k = 0; k < 3; k++) m[i, k] += sign * m[j, k];
        }
        return m;
    }

    /// <summary>The crystal in a random other cell of its lattice, turned, with its atoms shuffled and its origin moved.</summary>
    public static Structure Redescribed(Structure s, Random random)
    {
        var cell = StructureVariants.Rotated(StructureVariants.Supercell(s, RandomUnimodular(random)), random);
        var order = Enumerable.Range(0, cell.Count).OrderBy(_ => random.Next()).ToArray();
        var shift = new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble());
        return new Structure(cell.Lattice, order.Select(i => cell.Species[i]), order.Select(i => cell.Fractional[i] + shift));
    }
}
