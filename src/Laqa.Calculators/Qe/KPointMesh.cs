using Laqa.Crystal;

namespace Laqa.Calculators.Qe;

/// <summary>
/// A Monkhorst–Pack mesh for a cell from a k-point spacing (Å⁻¹, with the 2π, as ASE's kspacing and
/// VASP's KSPACING): n_i = max(1, ⌈2π |b_i| / spacing⌉), b_i the reciprocal vectors without 2π.
/// </summary>
public static class KPointMesh
{
    public static int[] FromSpacing(Lattice lattice, double spacing)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spacing);
        var reciprocal = lattice.Reciprocal();
        // A relative slack keeps a length that is a whole number of spacings from rounding up by noise.
        return [.. Enumerable.Range(0, 3).Select(i => Math.Max(1, (int)Math.Ceiling(2 * Math.PI * reciprocal[i].Norm / spacing - 1e-9)))];
    }
}
