using System.Globalization;
using System.Text.RegularExpressions;
using Laqa.Crystal;

namespace Laqa.Calculators.Qe;

/// <summary>
/// Reads pw.x 6.x output (scf or vc-relax). Per ionic step: the "!    total energy" line (Ry), the
/// first block of "force =" lines after "Forces acting on atoms" (Ry/Bohr), the Ry/Bohr³ columns of
/// "total   stress"; after each step the CELL_PARAMETERS and ATOMIC_POSITIONS pw.x moves to. After
/// "End final coordinates" the SCF at the relaxed structure gives only its energy. A block cut short,
/// a number pw.x could not print (*****), or a step without forces or stress is a
/// <see cref="PwOutputException"/> naming the file and line.
/// </summary>
public static partial class PwOutputParser
{
    [GeneratedRegex(@"[-+]?(\d+\.\d*|\.\d+)([EeDd][-+]?\d+)?")]
    private static partial Regex FortranNumber();

    public static PwOutput Read(string path, int atoms) => Parse(File.ReadAllLines(path), atoms, path);

    public static PwOutput Parse(IReadOnlyList<string> lines, int atoms, string source)
    {
        var steps = new List<PwStep>();
        var structures = new List<Structure>();
        bool converged = false, maxSteps = false, scfFailed = false, jobDone = false, finalScf = false;
        double? finalEnergy = null;
        string? error = null;
        (double Energy, int Line, double[]? Forces, double[]? Stress)? open = null;
        double[,]? cell = null;
        var i = 0;

        string Where(int line) => $"{source} line {line + 1}";
        PwOutputException Fail(int line, string what) => new($"{Where(line)}: {what}");

        double[] Numbers(int line, int count, string text)
        {
            var found = FortranNumber().Matches(text);
            if (found.Count < count || text.Contains('*'))
                throw Fail(line, $"expected {count} numbers, got \"{lines[line].Trim()}\"");
            var values = new double[count];
            for (var k = 0; k < count; k++)
                values[k] = double.Parse(found[k].Value.Replace('D', 'E').Replace('d', 'e'), NumberStyles.Float, CultureInfo.InvariantCulture);
            return values;
        }

        string NextLine(string block)
        {
            if (++i >= lines.Count) throw Fail(lines.Count - 1, $"the output ends inside the {block}");
            return lines[i];
        }

        void Close()
        {
            if (open is not { } step) return;
            if (step.Forces is null || step.Stress is null)
                throw Fail(step.Line, $"the energy of this step has no {(step.Forces is null ? "forces" : "stress")} after it");
            if (finalScf) finalEnergy = step.Energy;
            else steps.Add(new PwStep(step.Energy, step.Forces, step.Stress));
            open = null;
        }

        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("!    total energy", StringComparison.Ordinal) || line.StartsWith("!!   total energy", StringComparison.Ordinal))
            {
                Close();
                var equals = line.IndexOf('=');
                if (equals < 0) throw Fail(i, "expected \"total energy = ... Ry\"");
                open = (Numbers(i, 1, line[(equals + 1)..])[0], i, null, null);
            }
            else if (line.Contains("Forces acting on atoms", StringComparison.Ordinal))
            {
                if (open is not { } step) throw Fail(i, "forces without an energy before them");
                if (step.Forces is not null) continue;
                var forces = new double[3 * atoms];
                for (var a = 0; a < atoms;)
                {
                    var row = NextLine("forces block");
                    if (row.Trim().Length == 0) continue;
                    var equals = row.IndexOf("force =", StringComparison.Ordinal);
                    if (!row.TrimStart().StartsWith("atom", StringComparison.Ordinal) || equals < 0)
                        throw Fail(i, $"expected the force on atom {a + 1} of {atoms}, got \"{row.Trim()}\"");
                    Numbers(i, 3, row[(equals + 7)..]).CopyTo(forces, 3 * a++);
                }
                open = step with { Forces = forces };
            }
            else if (line.Contains("total   stress", StringComparison.Ordinal))
            {
                if (open is not { } step) throw Fail(i, "stress without an energy before it");
                var stress = new double[9];
                for (var r = 0; r < 3; r++) Numbers(i, 3, NextLine("stress block")).CopyTo(stress, 3 * r);
                open = step with { Stress = stress };
            }
            else if (line.StartsWith("CELL_PARAMETERS", StringComparison.Ordinal))
            {
                var scale = CellScale(line, i);
                cell = new double[3, 3];
                for (var r = 0; r < 3; r++)
                {
                    var row = Numbers(i, 3, NextLine("CELL_PARAMETERS block"));
                    for (var c = 0; c < 3; c++) cell[r, c] = row[c] * scale;
                }
            }
            else if (line.StartsWith("ATOMIC_POSITIONS", StringComparison.Ordinal))
            {
                if (!line.Contains("crystal", StringComparison.Ordinal)) throw Fail(i, $"expected positions in crystal coordinates, got \"{line.Trim()}\"");
                if (cell is null) throw Fail(i, "ATOMIC_POSITIONS without CELL_PARAMETERS before them");
                Close();
                var species = new string[atoms];
                var fractional = new Vec3[atoms];
                for (var a = 0; a < atoms; a++)
                {
                    var row = NextLine("ATOMIC_POSITIONS block").Trim();
                    var space = row.IndexOfAny([' ', '\t']);
                    if (space <= 0) throw Fail(i, $"expected the position of atom {a + 1} of {atoms}, got \"{row}\"");
                    species[a] = row[..space];
                    var xyz = Numbers(i, 3, row[space..]);
                    fractional[a] = new Vec3(xyz[0], xyz[1], xyz[2]);
                }
                structures.Add(new Structure(new Lattice(cell), species, fractional));
            }
            else if (line.Contains("bfgs converged in", StringComparison.Ordinal)) converged = true;
            else if (line.Contains("The maximum number of steps has been reached", StringComparison.Ordinal)) maxSteps = true;
            else if (line.Contains("convergence NOT achieved", StringComparison.Ordinal)) scfFailed = true;
            else if (line.Contains("End final coordinates", StringComparison.Ordinal))
            {
                Close();
                finalScf = true;
            }
            else if (line.Contains("Error in routine", StringComparison.Ordinal) && error is null)
            {
                var message = lines.Skip(i + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('%')) ?? "";
                error = $"{line.Trim()} {message}".Trim();
            }
            else if (line.Contains("JOB DONE.", StringComparison.Ordinal)) jobDone = true;
        }
        Close();
        return new PwOutput(steps, structures, converged, finalEnergy, maxSteps, scfFailed, error, jobDone);

        double CellScale(string header, int at)
        {
            if (header.Contains("angstrom", StringComparison.Ordinal)) return 1.0;
            if (header.Contains("bohr", StringComparison.Ordinal)) return QeUnits.AngstromPerBohr;
            var alat = header.IndexOf("alat", StringComparison.Ordinal);
            if (alat >= 0) return Numbers(at, 1, header[(alat + 4)..])[0] * QeUnits.AngstromPerBohr;
            throw Fail(at, $"unknown unit of \"{header.Trim()}\"");
        }
    }
}
