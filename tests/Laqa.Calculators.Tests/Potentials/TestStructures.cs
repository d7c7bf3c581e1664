using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>Structures for potential tests: ideal crystals and random, distorted, skewed and small cells.</summary>
public static class TestStructures
{
    public static Structure Diamond(double a, string species = "Si")
    {
        Vec3[] fcc = [new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0)];
        var sites = fcc.Concat(fcc.Select(f => f + new Vec3(0.25, 0.25, 0.25))).ToArray();
        return new Structure(Lattice.Cubic(a), Enumerable.Repeat(species, sites.Length), sites);
    }

    /// <summary>The n×n×n repetition of a structure.</summary>
    public static Structure Supercell(Structure s, int n)
    {
        var species = new List<string>();
        var fractional = new List<Vec3>();
        for (var x = 0; x < n; x++)
        for (var y = 0; y < n; y++)
        for (var z = 0; z < n; z++)
            for (var i = 0; i < s.Count; i++)
            {
                species.Add(s.Species[i]);
                fractional.Add((s.Fractional[i] + new Vec3(x, y, z)) / n);
            }
        return new Structure(s.Lattice.Scaled(n), species, fractional);
    }

    /// <summary>
    /// Random atoms in a random triclinic cell of about the given volume per atom, no two closer than
    /// <paramref name="minDistance"/> (including periodic images), species assigned round-robin.
    /// </summary>
    public static Structure Random(int seed, int atoms, IReadOnlyList<string> species, double volumePerAtom, double minDistance,
        double maxAngleDeviation = 25)
    {
        var random = new System.Random(seed);
        for (var attempt = 0; ; attempt++)
        {
            double Angle() => 90 + (2 * random.NextDouble() - 1) * maxAngleDeviation;
            double Length() => 0.75 + 0.5 * random.NextDouble();
            Lattice lattice;
            try { lattice = Lattice.FromParameters(Length(), Length(), Length(), Angle(), Angle(), Angle()); }
            catch (LaqaInputException) { continue; }
            lattice = lattice.Scaled(Math.Cbrt(atoms * volumePerAtom / lattice.Volume));
            if (Laqa.Crystal.Neighbours.MinimumImage.ShortestLatticeVector(lattice) < minDistance) continue;
            var placed = new List<Vec3>();
            for (var tries = 0; placed.Count < atoms && tries < 2000; tries++)
            {
                var f = new Vec3(random.NextDouble(), random.NextDouble(), random.NextDouble());
                if (placed.All(p => Laqa.Crystal.Neighbours.MinimumImage.Distance(lattice, p, f) >= minDistance)) placed.Add(f);
            }
            if (placed.Count == atoms)
                return new Structure(lattice, Enumerable.Range(0, atoms).Select(i => species[i % species.Count]), placed);
        }
    }

    /// <summary>Each atom displaced by up to <paramref name="amplitude"/> Å along each axis, and the cell strained by up to <paramref name="strain"/>.</summary>
    public static Structure Rattled(Structure s, int seed, double amplitude, double strain)
    {
        var random = new System.Random(seed);
        double U(double w) => (2 * random.NextDouble() - 1) * w;
        var f = new double[3, 3];
        for (var a = 0; a < 3; a++)
        for (var b = 0; b < 3; b++)
            f[a, b] = (a == b ? 1 : 0) + U(strain);
        var lattice = s.Lattice.Deformed(f);
        var cartesian = s.Fractional.Select(x => lattice.ToCartesian(x) + new Vec3(U(amplitude), U(amplitude), U(amplitude)));
        return Structure.FromCartesian(lattice, s.Species, cartesian);
    }

    /// <summary>
    /// A strongly skewed cell holding the same crystal as <paramref name="s"/>: a' = a, b' = b + 2a, c' = c − b + 3a
    /// (unimodular), so energies per atom must not change.
    /// </summary>
    public static Structure Skewed(Structure s)
    {
        Vec3 a = s.Lattice.A, b = s.Lattice.B, c = s.Lattice.C;
        var lattice = new Lattice(a, b + 2 * a, c - b + 3 * a);
        return Structure.FromCartesian(lattice, s.Species, s.Cartesian());
    }
}
