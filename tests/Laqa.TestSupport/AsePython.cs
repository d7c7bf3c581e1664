using System.Globalization;
using Laqa.Crystal;

namespace Laqa.TestSupport;

/// <summary>Runs a script with the system Python that has ASE (/usr/bin/python3), as an independent reference.</summary>
public static class AsePython
{
    /// <summary>Python source that builds `atoms` (ase.Atoms) from the structure.</summary>
    public static string AtomsLiteral(Structure structure)
    {
        static string Row(Vec3 v) => string.Create(CultureInfo.InvariantCulture, $"[{v.X:R}, {v.Y:R}, {v.Z:R}]");
        var cell = string.Join(", ", Enumerable.Range(0, 3).Select(i => Row(structure.Lattice[i])));
        var positions = string.Join(", ", structure.Fractional.Select(Row));
        var symbols = string.Join(", ", structure.Species.Select(s => $"'{s}'"));
        return $"atoms = ase.Atoms([{symbols}], cell=[{cell}], scaled_positions=[{positions}], pbc=True)\n";
    }

    /// <summary>Runs the script and returns the whitespace-separated numbers it prints.</summary>
    public static double[] RunNumbers(string script) =>
        SystemPython.Run("import ase, numpy as np\n" + script).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
