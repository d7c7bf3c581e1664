using System.Globalization;
using Laqa.Calculators.Qe;
using Laqa.Crystal;

namespace Laqa.Calculators.Vasp;

/// <summary>
/// Writes a KPOINTS file: a Γ-centred automatic mesh from a k-point spacing, the same mesh as VASP's own
/// KSPACING and as laqa's pw.x input (<see cref="KPointMesh"/>; pw.x's unshifted mesh also holds Γ).
/// </summary>
public static class KpointsWriter
{
    public static string Write(Lattice lattice, double spacing)
    {
        var mesh = KPointMesh.FromSpacing(lattice, spacing);
        return string.Create(CultureInfo.InvariantCulture,
            $"k-spacing {spacing:R} 1/Å\n0\nGamma\n{mesh[0]} {mesh[1]} {mesh[2]}\n0 0 0\n");
    }
}
