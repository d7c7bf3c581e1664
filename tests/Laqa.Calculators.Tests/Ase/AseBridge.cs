using Laqa.Calculators.Ase;
using Laqa.Calculators.Tests.Relaxation;
using Laqa.Crystal;

namespace Laqa.Calculators.Tests.Ase;

/// <summary>ASE's EMT through the bridge with Debian's Python (python3-ase), and structures to try it on.</summary>
internal static class AseBridge
{
    public const string Python = "/usr/bin/python3";

    public static AseSettings Emt => new() { Python = Python, Calculator = "ase.calculators.emt:EMT" };

    /// <summary>Copper fcc (4 atoms), sheared and stretched, atoms moved by up to 0.15 Å.</summary>
    public static Structure PerturbedCopper(int seed = 8) =>
        TestStructures.Perturbed(TestStructures.Fcc(3.7, "Cu"), TestStructures.ShearAndStretch, 0.15, seed);

    /// <summary>
    /// A user file whose make_calculator(mode) returns a calculator that misbehaves as asked: "raise"
    /// raises, "forces" returns one force too few, "nan" a NaN energy; anything else is a flat zero.
    /// </summary>
    public const string MisbehavingCalculator = """
        import numpy as np
        from ase.calculators.calculator import Calculator, all_changes

        class Misbehaving(Calculator):
            implemented_properties = ["energy", "forces", "stress"]

            def __init__(self, mode):
                super().__init__()
                self.mode = mode

            def calculate(self, atoms=None, properties=["energy"], system_changes=all_changes):
                super().calculate(atoms, properties, system_changes)
                if self.mode == "raise":
                    raise RuntimeError("the model diverged")
                n = len(self.atoms) - (1 if self.mode == "forces" else 0)
                energy = float("nan") if self.mode == "nan" else 0.0
                self.results = {"energy": energy, "forces": np.zeros((n, 3)), "stress": np.zeros(6)}

        def make_calculator(mode):
            print("noise on stdout must not reach the protocol")
            return Misbehaving(mode)
        """;

    public static AseSettings Misbehaving(string mode) => new()
    {
        Python = Python,
        File = "misbehaving.py",
        FileSource = MisbehavingCalculator,
        Arguments = new Dictionary<string, string> { ["mode"] = mode },
    };
}
