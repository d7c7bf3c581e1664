using Laqa.Calculators.Qe;
using Laqa.Crystal;
using Laqa.TestSupport;

namespace Laqa.Calculators.Tests.Qe;

/// <summary>Two-atom silicon with pw.x at a cutoff low enough for a step in under a second (LDA, 12/48 Ry, 2×2×2 k).</summary>
internal static class SiliconQe
{
    public static QeSettings Settings => new()
    {
        MpiCommand = QuantumEspresso.MpiCommand,
        PseudoDir = QuantumEspresso.PseudoDir,
        Pseudopotentials = new Dictionary<string, string> { ["Si"] = QuantumEspresso.SiliconPseudo },
        Ecutwfc = 12,
        EcutRho = 48,
        KSpacing = null,
        KPoints = [2, 2, 2],
    };

    /// <summary>Diamond in its primitive cell with cubic edge a, the second atom moved off its site (fractional).</summary>
    public static Structure Diamond(double a, Vec3 shift = default) => new(
        new Lattice(new Vec3(0, a / 2, a / 2), new Vec3(a / 2, 0, a / 2), new Vec3(a / 2, a / 2, 0)),
        ["Si", "Si"], [new Vec3(0, 0, 0), new Vec3(0.25, 0.25, 0.25) + shift]);

    /// <summary>Compressed, sheared and with an atom off its site: several BFGS steps from converged.</summary>
    public static Structure Distorted => new(
        new Lattice(new Vec3(0.1, 2.6, 2.7), new Vec3(2.55, 0, 2.65), new Vec3(2.7, 2.6, 0.05)),
        ["Si", "Si"], [new Vec3(0, 0, 0), new Vec3(0.27, 0.24, 0.26)]);
}
