namespace Laqa.Crystal.Tests.Fingerprints;

/// <summary>Polymorphs of Si and NaCl at one density per formula, and a corundum-structured cell, built from their Wyckoff positions.</summary>
internal static class Polymorphs
{
    private static readonly Vec3[] Fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];

    /// <summary>Diamond Si's volume per atom, 5.431³ / 8 Å³, which the other Si polymorphs are scaled to.</summary>
    public static double SiliconVolumePerAtom => KnownStructures.DiamondSi().Lattice.Volume / 8;

    /// <summary>Rock salt's volume per atom, 5.64³ / 8 Å³, which the other NaCl polymorphs are scaled to.</summary>
    public static double SaltVolumePerAtom => KnownStructures.RockSalt().Lattice.Volume / 8;

    /// <summary>β-tin Si, I4_1/amd (141), 4a, with its c/a at 11 GPa (a = 4.686, c = 2.585 Å), scaled to diamond's volume per atom.</summary>
    public static Structure BetaTinSi()
    {
        var s = new Structure(Lattice.FromParameters(4.686, 4.686, 2.585, 90, 90, 90), Enumerable.Repeat("Si", 4),
            [new(0, 0, 0), new(0, 0.5, 0.25), new(0.5, 0.5, 0.5), new(0.5, 0, 0.75)]);
        return AtVolumePerAtom(s, SiliconVolumePerAtom);
    }

    /// <summary>Lonsdaleite (hexagonal diamond) Si, P6_3/mmc (194), 4f with z = 1/16 and the ideal c/a = √(8/3); a = 5.431/√2, diamond's bond length and density.</summary>
    public static Structure LonsdaleiteSi()
    {
        var a = 5.431 / Math.Sqrt(2);
        return new Structure(Lattice.FromParameters(a, a, a * Math.Sqrt(8.0 / 3), 90, 90, 120), Enumerable.Repeat("Si", 4),
            [new(1.0 / 3, 2.0 / 3, 1.0 / 16), new(2.0 / 3, 1.0 / 3, 9.0 / 16), new(2.0 / 3, 1.0 / 3, 15.0 / 16), new(1.0 / 3, 2.0 / 3, 7.0 / 16)]);
    }

    /// <summary>Diamond Si in its two-atom fcc primitive cell.</summary>
    public static Structure DiamondSiPrimitive()
    {
        const double h = 5.431 / 2;
        return new Structure(new Lattice(new Vec3(0, h, h), new Vec3(h, 0, h), new Vec3(h, h, 0)), ["Si", "Si"], [new(0, 0, 0), new(0.25, 0.25, 0.25)]);
    }

    /// <summary>CsCl-type NaCl, Pm-3m (221), at rock salt's volume per atom.</summary>
    public static Structure CesiumChlorideNaCl() =>
        new(Lattice.Cubic(Math.Cbrt(2 * SaltVolumePerAtom)), ["Na", "Cl"], [new(0.5, 0.5, 0.5), new(0, 0, 0)]);

    /// <summary>Zincblende NaCl, F-43m (216), at rock salt's lattice constant (so its volume per atom).</summary>
    public static Structure ZincblendeNaCl() =>
        new(Lattice.Cubic(5.64), [.. Enumerable.Repeat("Na", 4), .. Enumerable.Repeat("Cl", 4)],
            Fcc.Concat(Fcc.Select(f => f + new Vec3(0.25, 0.25, 0.25))));

    /// <summary>Corundum Al2O3, R-3c (167), rhombohedral cell a = 5.128 Å, α = 55.28°: Al 4c x = 0.3523, O 6e x = 0.5563.</summary>
    public static Structure Corundum()
    {
        const double x = 0.3523, u = 0.5563;
        Vec3[] al = [new(x, x, x), new(0.5 - x, 0.5 - x, 0.5 - x), new(-x, -x, -x), new(0.5 + x, 0.5 + x, 0.5 + x)];
        Vec3[] o =
        [
            new(u, 0.5 - u, 0.25), new(0.25, u, 0.5 - u), new(0.5 - u, 0.25, u),
            new(-u, 0.5 + u, 0.75), new(0.75, -u, 0.5 + u), new(0.5 + u, 0.75, -u),
        ];
        return new Structure(Lattice.FromParameters(5.128, 5.128, 5.128, 55.28, 55.28, 55.28),
            [.. Enumerable.Repeat("Al", 4), .. Enumerable.Repeat("O", 6)], al.Concat(o));
    }

    private static Structure AtVolumePerAtom(Structure s, double volumePerAtom) =>
        s.WithLattice(s.Lattice.Scaled(Math.Cbrt(volumePerAtom * s.Count / s.Lattice.Volume)));
}
