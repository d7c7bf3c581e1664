using System.Globalization;
using Laqa.Calculators.Tests.Relaxation;
using Laqa.TestSupport;

namespace Laqa.Calculators.Tests.Vasp;

/// <summary>The real VASP files of tests/Laqa.Calculators.Tests/Data/vasp (sources in SOURCES.md) and ASE's reading of them.</summary>
internal static class VaspData
{
    public const string Fe2O2 = "fe2o2-relax";
    public const string Sb16Xe8Cl8F88 = "sb16xe8cl8f88-relax";
    public const string KilledBeforeFirstStep = "killed-before-first-step";

    public static string PathOf(string run, string file) => RepositoryFiles.PathOf($"tests/Laqa.Calculators.Tests/Data/vasp/{run}/{file}");

    /// <summary>One ionic step as ASE reads it: energies (eV), cell rows (Å), fractional positions, forces (eV/Å), stress (eV/Å³, 3×3 row-major, ASE's sign).</summary>
    public sealed record AseStep(double FreeEnergy, double Energy, double[] Cell, double[] Fractional, double[] Forces, double[] Stress);

    /// <summary>
    /// Every ionic step of a vasprun.xml through ase.io.read(index=':'), only the images that carry a
    /// calculator (ASE returns the bare initial structure of a file cut off before its first step).
    /// </summary>
    public static IReadOnlyList<AseStep> ReadWithAse(string vasprun, int atoms)
    {
        var numbers = AsePython.RunNumbers($$"""
            import ase.io
            images = [a for a in ase.io.read({{Quoted(vasprun)}}, index=':') if a.calc is not None]
            print(len(images))
            for a in images:
                values = [a.get_potential_energy(force_consistent=True), a.get_potential_energy()]
                values += list(a.cell[:].ravel()) + list(a.get_scaled_positions(wrap=False).ravel())
                values += list(a.get_forces().ravel()) + list(a.get_stress(voigt=False).ravel())
                print(' '.join(repr(float(x)) for x in values))
            """);
        var count = (int)numbers[0];
        var size = 2 + 9 + 3 * atoms + 3 * atoms + 9;
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var row = numbers.AsSpan(1 + i * size, size);
            return new AseStep(row[0], row[1], row[2..11].ToArray(), row[11..(11 + 3 * atoms)].ToArray(),
                row[(11 + 3 * atoms)..(11 + 6 * atoms)].ToArray(), row[(11 + 6 * atoms)..].ToArray());
        })];
    }

    /// <summary>A Python string literal of a path.</summary>
    public static string Quoted(string path) => "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
