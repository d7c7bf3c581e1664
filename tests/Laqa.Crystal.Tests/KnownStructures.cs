namespace Laqa.Crystal.Tests;

/// <summary>Textbook crystal structures (International Tables positions, experimental lattice constants).</summary>
internal static class KnownStructures
{
    /// <summary>Diamond Si, conventional cell, Fd-3m (227), 8a sites.</summary>
    public static Structure DiamondSi()
    {
        Vec3[] fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];
        return new Structure(Lattice.Cubic(5.431), Enumerable.Repeat("Si", 8),
            fcc.Concat(fcc.Select(f => f + new Vec3(0.25, 0.25, 0.25))));
    }

    /// <summary>Rock salt NaCl, conventional cell, Fm-3m (225).</summary>
    public static Structure RockSalt()
    {
        Vec3[] fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];
        return new Structure(Lattice.Cubic(5.64), [.. Enumerable.Repeat("Na", 4), .. Enumerable.Repeat("Cl", 4)],
            fcc.Concat(fcc.Select(f => f + new Vec3(0.5, 0, 0))));
    }

    /// <summary>hcp Mg, P6_3/mmc (194), 2c sites.</summary>
    public static Structure HcpMg() => new(Lattice.FromParameters(3.209, 3.209, 5.211, 90, 90, 120),
        ["Mg", "Mg"], [new(1.0 / 3, 2.0 / 3, 0.25), new(2.0 / 3, 1.0 / 3, 0.75)]);

    /// <summary>Wurtzite ZnO, P6_3mc (186), 2b sites with u = 0.382.</summary>
    public static Structure WurtziteZnO()
    {
        const double u = 0.382;
        return new Structure(Lattice.FromParameters(3.2495, 3.2495, 5.2069, 90, 90, 120), ["Zn", "Zn", "O", "O"],
            [new(1.0 / 3, 2.0 / 3, 0), new(2.0 / 3, 1.0 / 3, 0.5), new(1.0 / 3, 2.0 / 3, u), new(2.0 / 3, 1.0 / 3, 0.5 + u)]);
    }

    /// <summary>Rutile TiO2, P4_2/mnm (136): Ti 2a, O 4f with x = 0.3049.</summary>
    public static Structure RutileTiO2()
    {
        const double x = 0.3049;
        return new Structure(Lattice.FromParameters(4.5937, 4.5937, 2.9587, 90, 90, 90), ["Ti", "Ti", "O", "O", "O", "O"],
            [new(0, 0, 0), new(0.5, 0.5, 0.5), new(x, x, 0), new(1 - x, 1 - x, 0), new(0.5 + x, 0.5 - x, 0.5), new(0.5 - x, 0.5 + x, 0.5)]);
    }

    /// <summary>A triclinic cell with atoms at random positions (no symmetry beyond translations).</summary>
    public static Structure RandomTriclinic(Random random, int atoms = 7)
    {
        var lattice = Lattice.FromParameters(4 + random.NextDouble(), 5 + random.NextDouble(), 6 + random.NextDouble(),
            80 + 5 * random.NextDouble(), 95 + 5 * random.NextDouble(), 100 + 5 * random.NextDouble());
        return new Structure(lattice, Enumerable.Range(0, atoms).Select(i => i % 3 == 0 ? "O" : "Mg"),
            Enumerable.Range(0, atoms).Select(_ => new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble())));
    }

    /// <summary>A displaced wurtzite supercell with its cell vectors turned away from the standard orientation.</summary>
    public static Structure TurnedSupercell(Random random) => StructureVariants.Displaced(StructureVariants.Rotated(
        StructureVariants.Supercell(WurtziteZnO(), new[,] { { 1, 1, 0 }, { 0, 1, 0 }, { 0, 0, 2 } }), random), random, 0.05);

    public static IReadOnlyList<(string Name, Structure Structure)> All(Random random) =>
    [
        ("diamond", DiamondSi()), ("rocksalt", RockSalt()), ("hcp", HcpMg()), ("wurtzite", WurtziteZnO()),
        ("rutile", RutileTiO2()), ("triclinic", RandomTriclinic(random)),
    ];
}
