namespace Laqa.TestSupport;

/// <summary>
/// ASE calculators for tests of the ASE bridge, with Debian's Python and ASE (python3-ase, installed by
/// scripts/install-debian-packages.sh --tests): EMT, and a user file whose calculator misbehaves on request.
/// </summary>
public static class AseCalculators
{
    public const string Python = SystemPython.Interpreter;

    public const string Emt = "ase.calculators.emt:EMT";

    /// <summary>
    /// A calculator file: make_calculator(mode) returns a calculator that, for "raise", raises; for
    /// "forces", returns one force too few; for "nan", a NaN energy; otherwise a flat zero. It also prints
    /// on stdout, which must not disturb the bridge.
    /// </summary>
    public const string MisbehavingSource = """
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
}
