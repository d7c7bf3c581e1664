using Laqa.Crystal;

namespace Laqa.Benchmarks;

/// <summary>
/// The cells the calculators are timed on: 2×2×2 conventional supercells of diamond Si and rock-salt
/// NaCl, strained and with every atom displaced randomly, so that no symmetry or perfect-crystal
/// shortcut helps either code.
/// </summary>
public static class BenchmarkCells
{
    public const double MaxDisplacement = 0.1;
    private static readonly double[,] Strain = { { 0.02, 0.01, 0.0 }, { 0.01, -0.015, 0.01 }, { 0.0, 0.01, 0.01 } };
    private static readonly Vec3[] Fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];

    /// <summary>Si64: diamond with cube edge 5.432 Å, 2×2×2.</summary>
    public static Structure Silicon64(int seed) => Perturbed(Supercell(Lattice.Cubic(5.432),
        [.. Fcc.Select(f => ("Si", f)), .. Fcc.Select(f => ("Si", f + new Vec3(0.25, 0.25, 0.25)))]), seed);

    /// <summary>Na32Cl32: rock salt with cube edge 5.64 Å, 2×2×2.</summary>
    public static Structure SodiumChloride64(int seed) => Perturbed(Supercell(Lattice.Cubic(5.64),
        [.. Fcc.Select(f => ("Na", f)), .. Fcc.Select(f => ("Cl", f + new Vec3(0.5, 0, 0)))]), seed);

    /// <summary>Cu32: fcc with cube edge 3.615 Å, 2×2×2.</summary>
    public static Structure Copper32(int seed) => Perturbed(Supercell(Lattice.Cubic(3.615), [.. Fcc.Select(f => ("Cu", f))]), seed);

    private static Structure Supercell(Lattice cell, (string Species, Vec3 Fractional)[] basis)
    {
        var atoms = new List<(string Species, Vec3 Fractional)>();
        foreach (var (species, f) in basis)
        for (var x = 0; x < 2; x++)
        for (var y = 0; y < 2; y++)
        for (var z = 0; z < 2; z++)
            atoms.Add((species, new Vec3((f.X + x) / 2, (f.Y + y) / 2, (f.Z + z) / 2)));
        return new Structure(cell.Scaled(2), atoms.Select(a => a.Species), atoms.Select(a => a.Fractional).Select(f => f.Wrapped()));
    }

    private static Structure Perturbed(Structure structure, int seed)
    {
        var random = new Random(seed);
        var deformation = new double[3, 3];
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            deformation[i, j] = (i == j ? 1 : 0) + Strain[i, j];
        var lattice = structure.Lattice.Deformed(deformation);
        var cartesian = structure.Fractional.Select(f =>
        {
            var direction = new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5);
            return lattice.ToCartesian(f) + direction / direction.Norm * (MaxDisplacement * random.NextDouble());
        });
        return Structure.FromCartesian(lattice, structure.Species, cartesian);
    }
}
