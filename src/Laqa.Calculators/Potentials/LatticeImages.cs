using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>
/// The lattice translations T = n₀a + n₁b + n₂c that can bring two atoms within a cut-off once
/// their fractional difference is reduced to [−½, ½]³, sorted by length so a pair loop can stop
/// at the first |T| ≥ cut-off + |d|. Each carries whether n is in the positive half (first
/// non-zero index positive), so an atom meets each of its own images once.
/// </summary>
internal sealed class LatticeImages
{
    private LatticeImages(Vec3[] translations, double[] lengths, bool[] positiveHalf)
    {
        Translations = translations;
        Lengths = lengths;
        PositiveHalf = positiveHalf;
    }

    public Vec3[] Translations { get; }
    public double[] Lengths { get; }
    public bool[] PositiveHalf { get; }
    public int Count => Translations.Length;

    public static LatticeImages Within(Lattice lattice, double cutoff)
    {
        var spacing = lattice.PlaneSpacings();
        // With |Δf| ≤ ½ per axis, a pair closer than the cut-off needs |nₐ| ≤ cut-off/spacingₐ + ½.
        var r0 = (int)Math.Floor(cutoff / spacing.X + 0.5);
        var r1 = (int)Math.Floor(cutoff / spacing.Y + 0.5);
        var r2 = (int)Math.Floor(cutoff / spacing.Z + 0.5);
        var count = (2 * r0 + 1) * (2 * r1 + 1) * (2 * r2 + 1);
        var translations = new Vec3[count];
        var lengths = new double[count];
        var positiveHalf = new bool[count];
        var k = 0;
        for (var n0 = -r0; n0 <= r0; n0++)
        for (var n1 = -r1; n1 <= r1; n1++)
        for (var n2 = -r2; n2 <= r2; n2++)
        {
            translations[k] = lattice.ToCartesian(new Vec3(n0, n1, n2));
            lengths[k] = translations[k].Norm;
            positiveHalf[k] = n0 > 0 || (n0 == 0 && (n1 > 0 || (n1 == 0 && n2 > 0)));
            k++;
        }
        var order = Enumerable.Range(0, count).OrderBy(i => lengths[i]).ToArray();
        return new LatticeImages([.. order.Select(i => translations[i])], [.. order.Select(i => lengths[i])], [.. order.Select(i => positiveHalf[i])]);
    }
}
