using System.Globalization;
using System.Text.Json;
using Laqa.Cli.Plots;
using Laqa.Engine.Journal;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>A real Si8 campaign relaxed under 15 GPa: results, status, export and plots rank by the enthalpy per atom H/N = E/N + pV/N.</summary>
public class PressureTests
{
    private const double PressureGPa = 15;
    private const double GPaPerEvPerCubicAngstrom = 160.21766208;

    private const string Config = """
        laqa {
          composition = Si8
          initial-structures = 6
          seed = 8
          calculator.preset = si-tersoff
          relaxer { steps-per-batch = 5, fmax = 0.05, smax = 0.2, pressure = 15 }
          search { algorithm = laqa, mode = sync, nselect = 2, max-steps-per-candidate = 300 }
          workers.count = 1
        }
        """;

    private sealed record Row(int Id, double EnergyPerAtom, double EnthalpyPerAtom, string Status);

    [Fact]
    public void UnderPressureResultsStatusAndExportRankByTheEnthalpyOfTheRelaxedCell()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("si8.conf"), Config);
        var run = LaqaProcess.Start(folder.Path, "run", "si8.conf", "--dir", "si8");
        Assert.Equal(0, run.ExitCode);

        var lines = File.ReadAllLines(folder.File("si8/results.tsv"));
        Assert.Equal("# id\tinitial_spg\trelaxed_spg\tenergy_eV_per_atom\tenthalpy_eV_per_atom\tsteps\ttimes_selected\tstatus\treason\tgenerated_spg", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split('\t'))
            .Select(f => new Row(int.Parse(f[0], CultureInfo.InvariantCulture), Number(f[3]), Number(f[4]), f[7])).ToList();
        Assert.Equal(rows.OrderBy(r => r.EnthalpyPerAtom).ThenBy(r => r.Id).Select(r => r.Id), rows.Select(r => r.Id));
        // Under pressure the denser structures win: here two candidates are in the other order by energy.
        Assert.NotEqual(rows.OrderBy(r => r.EnergyPerAtom).ThenBy(r => r.Id).Select(r => r.Id), rows.Select(r => r.Id));
        Assert.Contains($"best enthalpy at 15 GPa {rows[0].EnthalpyPerAtom.ToString("F5", CultureInfo.InvariantCulture)} eV/atom: candidate {rows[0].Id},", run.Output);

        var status = JsonDocument.Parse(LaqaProcess.Start(folder.Path, "status", "si8", "--json", "--top", "100").Output).RootElement;
        Assert.Equal(PressureGPa, status.GetProperty("pressureGPa").GetDouble());
        Assert.Equal(rows[0].Id, status.GetProperty("best").GetProperty("id").GetInt32());
        Assert.Equal(rows[0].EnthalpyPerAtom, status.GetProperty("best").GetProperty("enthalpyPerAtom").GetDouble());
        Assert.Equal(rows[0].EnergyPerAtom, status.GetProperty("best").GetProperty("energyPerAtom").GetDouble());
        Assert.Equal(rows.Select(r => (r.Id, r.EnergyPerAtom, r.EnthalpyPerAtom)), status.GetProperty("top").EnumerateArray()
            .Select(t => (t.GetProperty("id").GetInt32(), t.GetProperty("energyPerAtom").GetDouble(), t.GetProperty("enthalpyPerAtom").GetDouble())));

        var exported = LaqaProcess.Start(folder.Path, "export", "si8", "--top", "100", "--format", "poscar", "--out", "best");
        Assert.Equal(0, exported.ExitCode);
        var files = exported.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.EndsWith(".vasp", StringComparison.Ordinal)).Select(f => Path.Combine(folder.Path, f)).ToArray();
        var relaxed = rows.Where(r => r.Status != "Failed").ToList();
        Assert.Equal(relaxed.Count, files.Length);
        var p = PressureGPa / GPaPerEvPerCubicAngstrom;
        foreach (var (row, file) in relaxed.Zip(files))
        {
            Assert.Contains($"-id{row.Id}-", file);
            Assert.EndsWith($"-H{row.EnthalpyPerAtom.ToString("F5", CultureInfo.InvariantCulture)}.vasp", file);
            if (row.Status != "Converged") continue;
            // A converged candidate's exported cell is the one its last step evaluated: `laqa calc` gives its energy,
            // the cell vectors its volume, and H/N = E/N + pV/N follows by hand.
            var calc = JsonDocument.Parse(LaqaProcess.Start(folder.Path, "calc", "--potential", "si-tersoff", file, "--json").Output).RootElement;
            var energyPerAtom = calc.GetProperty("energyPerAtom").GetDouble();
            var volumePerAtom = PoscarVolume(file) / 8;
            Assert.Equal(row.EnergyPerAtom, energyPerAtom, 1e-9);
            Assert.Equal(energyPerAtom + p * volumePerAtom, row.EnthalpyPerAtom, 1e-9);
            // 15 GPa compresses silicon well below diamond's 20.0 Å³/atom at zero pressure; pV/N is a large part of H.
            Assert.InRange(volumePerAtom, 10, 19.5);
            Assert.True(p * volumePerAtom > 0.9, $"pV/N = {p * volumePerAtom} eV/atom");
        }
        Assert.Contains(relaxed, r => r.Status == "Converged");

        // The plots show enthalpies: each candidate's line ends at its enthalpy in results.tsv, the best so far at the best's.
        var trace = CampaignTraceReader.Read(CampaignJournal.OfFolder(folder.File("si8")), "si8");
        foreach (var row in relaxed)
            Assert.Equal(row.EnthalpyPerAtom, Assert.Single(trace.Candidates, c => c.Id == row.Id).Batches[^1].EnthalpyPerAtom, 1e-12);
        Assert.Equal(rows[0].EnthalpyPerAtom, trace.BestSoFar[^1].EnthalpyPerAtom, 1e-12);
        Assert.Equal("enthalpy per atom at 15 GPa after each batch (eV/atom)", CampaignPlots.Energy(trace).Axes.Left.Label.Text);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The cell volume |a · (b × c)| from a POSCAR's scale and lattice vectors (lines 2 to 5).</summary>
    private static double PoscarVolume(string path)
    {
        var lines = File.ReadAllLines(path);
        var scale = Number(lines[1].Trim());
        var v = lines.Skip(2).Take(3)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => scale * Number(x)).ToArray()).ToArray();
        var (a, b, c) = (v[0], v[1], v[2]);
        return Math.Abs(a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]));
    }
}
