using System.Globalization;
using System.Text.Json;
using Laqa.Calculators.Qe;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>`laqa calc` and `laqa relax` with a config's qe { } calculator: the real pw.x on Si2.</summary>
public class QeCommandTests
{
    private const string Si2Poscar = """
        Si2 diamond, slightly strained
        1.0
        0.0 2.75 2.70
        2.70 0.0 2.75
        2.75 2.70 0.0
        Si
        2
        Direct
        0.0 0.0 0.0
        0.26 0.25 0.24
        """;

    private static TempFolder Setup(string moreKeys = "")
    {
        QuantumEspresso.Require();
        var folder = new TempFolder();
        File.WriteAllText(folder.File("qe.conf"), $"laqa {{ {QuantumEspresso.SiliconCalculator(moreKeys)} }}");
        File.WriteAllText(folder.File("POSCAR"), Si2Poscar);
        return folder;
    }

    [Fact]
    public void CalcWithAQeConfigPrintsPwxsScfInOurUnits()
    {
        using var folder = Setup();

        var run = LaqaProcess.Start(folder.Path, "calc", "--calculator", "qe.conf", "POSCAR", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Output).RootElement;
        var output = PwOutputParser.Read(folder.File("calc/calc/0-1/pw.out"), 2);
        Assert.Equal("qe", json.GetProperty("potential").GetString());
        Assert.Equal(output.Steps[0].EnergyRy * QeUnits.EvPerRydberg, json.GetProperty("energy").GetDouble());
        Assert.Equal(output.Steps[0].ToResult().MaxForce, json.GetProperty("maxForce").GetDouble());
    }

    [Fact]
    public void RelaxWithAQeConfigRunsOneVcRelaxOfTheGivenSteps()
    {
        using var folder = Setup();

        var run = LaqaProcess.Start(folder.Path, "relax", "--calculator", "qe.conf", "POSCAR", "--steps", "2", "--out", "relaxed.vasp");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("by pw.x's own BFGS (vc-relax)", run.Output);
        Assert.Contains("not converged after 2 steps", run.Output);
        Assert.Contains("nstep = 2", File.ReadAllText(folder.File("calc/relax/0-1/pw.in")));
        Assert.True(File.Exists(folder.File("relaxed.vasp")));
        Assert.False(Directory.Exists(folder.File("calc/relax/0-2")));
    }

    [Fact]
    public void RelaxWithATemplateConfigRunsPwxWithTheTemplatesKeys()
    {
        using var folder = Setup();
        File.WriteAllText(folder.File("pw-template.in"), "&system\n  ecutwfc = 12, ecutrho = 48, nosym = .true.\n/\nK_POINTS gamma\n");
        File.WriteAllText(folder.File("template.conf"),
            $"laqa.calculator.qe {{ mpi-command = \"{QuantumEspresso.MpiCommandText}\", pseudopotentials.Si = {QuantumEspresso.SiliconPseudo}, template = pw-template.in }}");

        var run = LaqaProcess.Start(folder.Path, "relax", "--calculator", "template.conf", "POSCAR", "--steps", "2", "--out", "relaxed.vasp");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not converged after 2 steps", run.Output);
        var input = File.ReadAllText(folder.File("calc/relax/0-1/pw.in"));
        Assert.Contains("  nstep = 2\n", input);
        Assert.Contains("  nosym = .true.\n", input);
        Assert.EndsWith("K_POINTS gamma\n", input);
        var output = File.ReadAllText(folder.File("calc/relax/0-1/pw.out"));
        Assert.Contains("No symmetry found", output);
        Assert.Contains("gamma-point specific algorithms are used", output);
    }

    [Fact]
    public void RunWithATemplateSettingAKeyLaqaOwnsExitsWithTwoNamingFileAndLineAndCreatesNothing()
    {
        using var folder = Setup();
        File.WriteAllText(folder.File("pw-template.in"), "&control\n  nstep = 50\n/\n&system ecutwfc = 12 /\n");
        File.WriteAllText(folder.File("run.conf"),
            $"laqa {{ composition = Si2, calculator.qe {{ pseudopotentials.Si = {QuantumEspresso.SiliconPseudo}, template = pw-template.in }} }}");

        var run = LaqaProcess.Start(folder.Path, "run", "run.conf", "--dir", "campaign");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"laqa: error: laqa.calculator.qe.template: {folder.File("pw-template.in")} line 2: nstep is set by laqa (relaxer.steps-per-batch); remove it from the template"],
            run.ErrorLines);
        Assert.False(Directory.Exists(folder.File("campaign")));
    }

    [Theory]
    [InlineData("calc", ", pseudopotentials.Si = \"Nope.UPF\"", $"laqa: error: laqa.calculator.qe.pseudopotentials.Si: cannot read {QuantumEspresso.PseudoDir}/Nope.UPF: no such file")]
    [InlineData("relax", ", command = laqa-no-pw.x", "laqa: error: laqa.calculator.qe.command: laqa-no-pw.x is not on PATH (Debian: apt-get install quantum-espresso)")]
    [InlineData("calc", ", ecutwfc = -1", "laqa: error: laqa.calculator.qe.ecutwfc: must be greater than 0, got -1")]
    public void BadQeSettingsExitWithTwoAndOneLineBeforePwxRuns(string command, string moreKeys, string expected)
    {
        using var folder = Setup(moreKeys);
        string[] relax = command == "relax" ? ["--out", "x.vasp"] : [];

        var run = LaqaProcess.Start(folder.Path, [command, "--calculator", "qe.conf", "POSCAR", .. relax]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([expected], run.ErrorLines);
        Assert.False(Directory.Exists(folder.File("calc")));
    }

    [Theory]
    [InlineData("calc")]
    [InlineData("relax")]
    public void ACommandWithBothOrNeitherOfPotentialAndCalculatorExitsWithTwo(string command)
    {
        using var folder = Setup();
        string[] relax = command == "relax" ? ["--out", "x.vasp"] : [];

        var neither = LaqaProcess.Start(folder.Path, [command, "POSCAR", .. relax]);
        var both = LaqaProcess.Start(folder.Path, [command, "--potential", "si-tersoff", "--calculator", "qe.conf", "POSCAR", .. relax]);

        Assert.All(new[] { neither, both }, run =>
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Equal(["laqa: error: give either --potential or --calculator"], run.ErrorLines);
        });
    }

    [Fact]
    public void KillingLaqaDuringAPwxRunLeavesNoPwxBehind()
    {
        // A cutoff and mesh that keep pw.x busy for seconds.
        using var folder = Setup(", ecutwfc = 40, ecutrho = 160, k-points = [8, 8, 8]");
        using var laqa = LaqaChild.Start(folder.Path, "relax", "--calculator", "qe.conf", "POSCAR", "--steps", "500", "--fmax", "1e-6", "--out", "x.vasp");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (QuantumEspresso.PwProcessesUnder(folder.Path).Count == 0 && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.NotEmpty(QuantumEspresso.PwProcessesUnder(folder.Path));

        laqa.Kill();

        Assert.Empty(QuantumEspresso.PwProcessesUnder(folder.Path, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void ACampaignKilledDuringAPwxBatchLeavesNoPwxAndRunsThatBatchAgainFromItsRecordedStart()
    {
        using var folder = Setup();
        File.WriteAllText(folder.File("si2.conf"), $$"""
            laqa {
              composition = Si2
              initial-structures = 2
              seed = 3
              {{QuantumEspresso.SiliconCalculator()}}
              relaxer { fmax = 0.05, smax = 0.5, steps-per-batch = 4 }
              search { algorithm = laqa, mode = sync, nselect = 2, max-steps-per-candidate = 40 }
              workers.count = 1
            }
            """);
        string? lost;
        using (var laqa = LaqaChild.Start(folder.Path, "run", "si2.conf"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (QuantumEspresso.PwRunsUnder(folder.Path).Count == 0 && DateTime.UtcNow < deadline) Thread.Sleep(20);
            lost = QuantumEspresso.PwRunsUnder(folder.Path).Select(r => r.Folder).FirstOrDefault();
            Assert.NotNull(lost);

            laqa.Kill();
        }
        Assert.Empty(QuantumEspresso.PwProcessesUnder(folder.Path, TimeSpan.FromSeconds(10)));

        var resumed = LaqaProcess.Start(folder.Path, "run", "si2.conf");

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("done (every candidate is done)", resumed.Output);
        Assert.EndsWith("-1", lost);
        var again = lost[..^1] + "2";
        Assert.Equal(File.ReadAllText(Path.Combine(lost, "pw.in")), File.ReadAllText(Path.Combine(again, "pw.in")));
    }

    [Fact]
    public void RunStopsWithExitCode1AndPwxsMessageWhenTheFirstCandidatesAllFailWithTheSameInputError()
    {
        using var folder = Setup();
        File.WriteAllText(folder.File("bad.conf"), $$"""
            laqa {
              composition = Si2
              initial-structures = 8
              seed = 3
              {{QuantumEspresso.SiliconCalculator(", extra { system { no_such_key = 1 } }")}}
              relaxer.steps-per-batch = 4
              search.nselect = 2
              workers.count = 1
            }
            """);

        var run = LaqaProcess.Start(folder.Path, "run", "bad.conf");

        Assert.True(run.ExitCode == 1, run.Output + run.Error);
        Assert.Matches(@"stopped after [\d.]+ s: the first 3 candidates to fail all failed before any step with the same error, which would fail every candidate: " +
                       @"pw\.x: Error in routine +read_namelists \(1\): bad line in namelist &system: ""  no_such_key = 1""", run.Output);
        var status = JsonDocument.Parse(LaqaProcess.Start(folder.Path, "status", "bad", "--json").Output).RootElement;
        Assert.Equal("stopped", status.GetProperty("phase").GetString());
    }
}
