using Laqa.Crystal.Symmetry;

namespace Laqa.Crystal.Tests.Symmetry;

/// <summary>Random lattices with the metric of a crystal system in its standard setting (and no higher symmetry).</summary>
internal static class RandomLattices
{
    public static Lattice Of(CrystalSystem system, Random random)
    {
        double Length() => 4.0 + 3.0 * random.NextDouble();
        double a = Length(), b = Length(), c = Length();
        return system switch
        {
            CrystalSystem.Triclinic => Lattice.FromParameters(a, b, c, 80 + 8 * random.NextDouble(), 93 + 8 * random.NextDouble(), 103 + 8 * random.NextDouble()),
            CrystalSystem.Monoclinic => Lattice.FromParameters(a, b, c, 90, 95 + 15 * random.NextDouble(), 90),
            CrystalSystem.Orthorhombic => Lattice.FromParameters(a, b, c, 90, 90, 90),
            CrystalSystem.Tetragonal => Lattice.FromParameters(a, a, c, 90, 90, 90),
            CrystalSystem.Trigonal or CrystalSystem.Hexagonal => Lattice.FromParameters(a, a, c, 90, 90, 120),
            _ => Lattice.FromParameters(a, a, a, 90, 90, 90),
        };
    }
}
