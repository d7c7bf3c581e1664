using Laqa.Calculators.Ase;
using Laqa.Calculators.Tests.Relaxation;
using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Ase;

/// <summary>ASE's EMT through the bridge with Debian's Python (python3-ase), a misbehaving calculator, and a structure to try them on.</summary>
internal static class AseBridge
{
    public static AseSettings Emt => new() { Python = AseCalculators.Python, Calculator = AseCalculators.Emt };

    /// <summary>Copper fcc (4 atoms), sheared and stretched, atoms moved by up to 0.15 Å.</summary>
    public static Structure PerturbedCopper(int seed = 8) =>
        TestStructures.Perturbed(TestStructures.Fcc(3.7, "Cu"), TestStructures.ShearAndStretch, 0.15, seed);

    /// <summary><see cref="AseCalculators.MisbehavingSource"/> in the given mode.</summary>
    public static AseSettings Misbehaving(string mode) => new()
    {
        Python = AseCalculators.Python,
        File = "misbehaving.py",
        FileSource = AseCalculators.MisbehavingSource,
        Arguments = new Dictionary<string, string> { ["mode"] = mode },
    };
}
