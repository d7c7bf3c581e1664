using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Ionic crystals for the rigid-ion tests.</summary>
public static class IonicStructures
{
    /// <summary>Rock salt (Fm-3m) in the conventional cubic cell: 4 cations, 4 anions.</summary>
    public static Structure RockSalt(double a, string cation = "Na", string anion = "Cl")
    {
        Vec3[] fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];
        var sites = fcc.Concat(fcc.Select(f => f + new Vec3(0.5, 0, 0))).ToArray();
        return new Structure(Lattice.Cubic(a), [.. Enumerable.Repeat(cation, 4), .. Enumerable.Repeat(anion, 4)], sites);
    }

    /// <summary>Rock salt in its two-atom fcc primitive cell (a/√2 edges, 60° angles).</summary>
    public static Structure RockSaltPrimitive(double a, string cation = "Na", string anion = "Cl")
    {
        var lattice = new Lattice(new Vec3(0, a / 2, a / 2), new Vec3(a / 2, 0, a / 2), new Vec3(a / 2, a / 2, 0));
        return new Structure(lattice, [cation, anion], [new Vec3(0, 0, 0), new Vec3(0.5, 0.5, 0.5)]);
    }

    /// <summary>CsCl (Pm-3m): one cation at the corner, one anion at the body centre.</summary>
    public static Structure CaesiumChloride(double a, string cation = "Cs", string anion = "Cl") =>
        new(Lattice.Cubic(a), [cation, anion], [new Vec3(0, 0, 0), new Vec3(0.5, 0.5, 0.5)]);

    /// <summary>
    /// Corundum (R-3c) in its 10-atom rhombohedral primitive cell, built from the hexagonal setting
    /// (Al at 12c (0,0,z), O at 18e (x,0,¼)); defaults are the experimental α-Al2O3 values.
    /// </summary>
    public static Structure Corundum(double a = 4.7589, double c = 12.991, double z = 0.35216, double x = 0.30624)
    {
        var hexagonal = Lattice.FromParameters(a, a, c, 90, 90, 120);
        Vec3[] centring = [new(0, 0, 0), new(2.0 / 3, 1.0 / 3, 1.0 / 3), new(1.0 / 3, 2.0 / 3, 2.0 / 3)];
        Vec3[] aluminium = [new(0, 0, z), new(0, 0, 0.5 - z), new(0, 0, -z), new(0, 0, 0.5 + z)];
        Vec3[] oxygen = [new(x, 0, 0.25), new(0, x, 0.25), new(-x, -x, 0.25), new(-x, 0, 0.75), new(0, -x, 0.75), new(x, x, 0.75)];
        var primitive = new Lattice(
            hexagonal.ToCartesian(new Vec3(2.0 / 3, 1.0 / 3, 1.0 / 3)),
            hexagonal.ToCartesian(new Vec3(-1.0 / 3, 1.0 / 3, 1.0 / 3)),
            hexagonal.ToCartesian(new Vec3(-1.0 / 3, -2.0 / 3, 1.0 / 3)));
        var species = new List<string>();
        var sites = new List<Vec3>();
        void AddOrbit(string symbol, Vec3[] orbit)
        {
            foreach (var t in centring)
            foreach (var p in orbit)
            {
                var f = primitive.ToFractional(hexagonal.ToCartesian(p + t)).Wrapped();
                if (sites.Any(s => Laqa.Crystal.Neighbours.MinimumImage.Distance(primitive, s, f) < 1e-6)) continue;
                species.Add(symbol);
                sites.Add(f);
            }
        }
        AddOrbit("Al", aluminium);
        AddOrbit("O", oxygen);
        return new Structure(primitive, species, sites);
    }
}
