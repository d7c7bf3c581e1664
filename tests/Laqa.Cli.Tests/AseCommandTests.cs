using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>`laqa calc` and `laqa run` with a config's ase { } calculator: ASE's EMT in Debian's Python, through the bridge.</summary>
public class AseCommandTests
{
    private const string Cu4Poscar = """
        Cu4 fcc, strained
        1.0
        3.70 0.05 0.0
        0.0 3.55 0.04
        0.02 0.0 3.62
        Cu
        4
        Direct
        0.01 0.0 0.0
        0.0 0.5 0.52
        0.5 0.0 0.5
        0.49 0.5 0.0
        """;

    private static string EmtCalculator(string moreKeys = "") =>
        $$"""calculator.ase { python = "{{AseCalculators.Python}}", calculator = "{{AseCalculators.Emt}}" {{moreKeys}} }""";

    /// <summary>
    /// EMT that raises once (on its 5th evaluation) and kills its own interpreter once (on its 9th),
    /// each only the first time (marker files in the folder given), as a flaky model would.
    /// </summary>
    private const string FlakyEmt = """
        import os
        from ase.calculators.emt import EMT

        class FlakyEmt(EMT):
            def __init__(self, markers):
                super().__init__()
                self.markers, self.calls = markers, 0

            def calculate(self, *args, **kwargs):
                self.calls += 1
                if self.calls == 5 and self.once("raised"):
                    raise RuntimeError("the model diverged")
                if self.calls == 9 and self.once("crashed"):
                    os.kill(os.getpid(), 9)
                super().calculate(*args, **kwargs)

            def once(self, name):
                path = os.path.join(self.markers, name)
                if os.path.exists(path):
                    return False
                open(path, "w").close()
                return True

        def make_calculator(markers):
            return FlakyEmt(markers)
        """;

    [Fact]
    public void CalcWithAnAseConfigPrintsEmtsEnergyAndForces()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("emt.conf"), $"laqa {{ {EmtCalculator()} }}");
        File.WriteAllText(folder.File("POSCAR"), Cu4Poscar);

        var run = LaqaProcess.Start(folder.Path, "calc", "--calculator", "emt.conf", "POSCAR", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Output).RootElement;
        var ase = AsePython.RunNumbers($$"""
            from ase.io import read
            from ase.calculators.emt import EMT
            atoms = read("{{folder.File("POSCAR")}}")
            atoms.calc = EMT()
            print(repr(atoms.get_potential_energy()), repr(np.linalg.norm(atoms.get_forces(), axis=1).max()))

            """);
        Assert.Equal("ase", json.GetProperty("potential").GetString());
        Assert.Equal(ase[0], json.GetProperty("energy").GetDouble(), 1e-12);
        Assert.Equal(ase[1], json.GetProperty("maxForce").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData("run", "", "laqa: error: laqa.calculator.ase.calculator: ModuleNotFoundError: No module named 'nosuch'")]
    [InlineData("calc", "", "laqa: error: laqa.calculator.ase.calculator: ModuleNotFoundError: No module named 'nosuch'")]
    [InlineData("run", ", python = /no/python3", "laqa: error: laqa.calculator.ase.python: /no/python3 is not an existing file (Debian: apt-get install python3-ase)")]
    public void UnimportableCalculatorExitsWithTwoAndOneLineBeforeAnyCandidate(string command, string moreKeys, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.conf"), $"laqa {{ composition = Cu4, {EmtCalculator(moreKeys).Replace(AseCalculators.Emt, "nosuch:EMT")} }}");
        File.WriteAllText(folder.File("POSCAR"), Cu4Poscar);
        string[] arguments = command == "run" ? ["run", "bad.conf", "--dir", "campaign"] : ["calc", "--calculator", "bad.conf", "POSCAR"];

        var run = LaqaProcess.Start(folder.Path, arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([expected], run.ErrorLines);
        Assert.False(Directory.Exists(folder.File("campaign")));
    }

    // Silver, not copper: ASE's EMT puts hcp copper 1 meV/atom (aluminium 4 meV/atom) below fcc, and silver fcc 1.5 meV/atom below hcp.
    [Fact]
    public void SilverCampaignWithEmtFindsFccAndOutlivesAPythonExceptionAndACrashedInterpreter()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("flaky_emt.py"), FlakyEmt);
        File.WriteAllText(folder.File("ag4.conf"), $$"""
            laqa {
              composition = Ag4
              initial-structures = 8
              seed = 2
              calculator.ase { python = "{{AseCalculators.Python}}", calculator-file = flaky_emt.py, arguments.markers = "{{folder.Path}}" }
              relaxer { steps-per-batch = 10, fmax = 0.02, smax = 0.05 }
              search { algorithm = laqa, nselect = 2, max-steps-per-candidate = 300 }
              workers.count = 1
            }
            """);

        var run = LaqaProcess.Start(folder.Path, "run", "ag4.conf", "--dir", "campaign");

        Assert.True(run.ExitCode == 0, run.Error);
        var rows = File.ReadAllLines(folder.File("campaign/results.tsv")).Skip(1).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(8, rows.Length);
        var failed = rows.Where(r => r[6] == "Failed").Select(r => r[7]).ToArray();
        Assert.Equal(2, failed.Length);
        Assert.Single(failed, f => Regex.IsMatch(f, @"^step \d+: calculator ase failed: RuntimeError: the model diverged$"));
        Assert.Single(failed, f => Regex.IsMatch(f, @"^step \d+: calculator ase failed: the Python interpreter of the ASE bridge ended: Killed$"));
        Assert.Equal("Fm-3m(225)", rows[0][2]);
        Assert.Equal("Converged", rows[0][6]);
        var fcc = AsePython.RunNumbers("""
            from ase.build import bulk
            from ase.calculators.emt import EMT
            from ase.constraints import ExpCellFilter
            from ase.optimize import BFGS
            atoms = bulk("Ag", "fcc", a=4.1, cubic=True)
            atoms.calc = EMT()
            BFGS(ExpCellFilter(atoms), logfile=None).run(fmax=1e-6)
            print(repr(atoms.get_potential_energy() / len(atoms)))

            """)[0];
        Assert.InRange(double.Parse(rows[0][3], CultureInfo.InvariantCulture), fcc - 1e-9, fcc + 1e-4);
    }
}
