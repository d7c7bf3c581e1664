using System.Globalization;
using Laqa.Calculators.Vasp;
using Laqa.Crystal.IO;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>
/// `laqa run` and `laqa relax` with a config's vasp { } calculator. VASP itself cannot run here: the
/// "VASP" is a shell script that puts a real VASP run's vasprun.xml and CONTCAR (custodian's, see
/// tests/Laqa.Calculators.Tests/Data/vasp/SOURCES.md) into the work folder; the POTCARs are fakes
/// holding only a header line.
/// </summary>
public class VaspCommandTests
{
    private static string DataFile(string file) => RepositoryFiles.PathOf($"tests/Laqa.Calculators.Tests/Data/vasp/fe2o2-relax/{file}");

    /// <summary>A folder with potpaw/Fe and potpaw/O_s (fake POTCARs), an INCAR template, a fake VASP and a config vasp.conf with more keys.</summary>
    private static TempFolder Setup(string moreKeys, string composition = "Fe2O2")
    {
        var folder = new TempFolder();
        foreach (var label in new[] { "Fe", "O_s" })
        {
            Directory.CreateDirectory(folder.File($"potpaw/{label}"));
            File.WriteAllText(folder.File($"potpaw/{label}/POTCAR"), $"  PAW_PBE {label} 06Sep2000\n");
        }
        File.WriteAllText(folder.File("INCAR.template"), "ENCUT = 520\nISMEAR = 0\nSIGMA = 0.05\n");
        File.WriteAllText(folder.File("fake_vasp_std"), $"cp '{DataFile("vasprun.xml")}' '{DataFile("CONTCAR")}' .\n");
        File.WriteAllText(folder.File("vasp.conf"), $$"""
            laqa {
              composition = {{composition}}
              initial-structures = 2
              search.nselect = 1
              calculator.vasp { command = "sh {{folder.File("fake_vasp_std")}}", potcar-dir = potpaw, potcars { O = O_s }, incar-template = INCAR.template {{moreKeys}} }
            }
            """);
        return folder;
    }

    [Theory]
    [InlineData("", "Fe2O2Si1", "laqa.calculator.vasp.potcars.Si: no POTCAR for Si: cannot read {0}/potpaw/Si/POTCAR: no such file (give its subfolder of potcar-dir, e.g. Si = Si_pv)")]
    [InlineData(", potcars.Fe = Fe_pv", "Fe2O2", "laqa.calculator.vasp.potcars.Fe: no POTCAR for Fe: cannot read {0}/potpaw/Fe_pv/POTCAR: no such file (give its subfolder of potcar-dir, e.g. Fe = Fe_pv)")]
    [InlineData(", potcar-dir = nowhere", "Fe2O2", "laqa.calculator.vasp.potcar-dir: folder {0}/nowhere does not exist")]
    [InlineData(", incar-template = INCAR.missing", "Fe2O2", "laqa.calculator.vasp.incar-template: cannot read {0}/INCAR.missing: no such file")]
    [InlineData(", incar-template = INCAR.relax", "Fe2O2", "laqa.calculator.vasp.incar-template: {0}/INCAR.relax sets NSW, which laqa writes itself")]
    public void BadVaspSettingsOfARunExitWithTwoAndOneLineBeforeAnyCandidate(string moreKeys, string composition, string expected)
    {
        using var folder = Setup(moreKeys, composition);
        File.WriteAllText(folder.File("INCAR.relax"), "ENCUT = 520\nNSW = 3\n");

        var run = LaqaProcess.Start(folder.Path, "run", "vasp.conf", "--dir", "campaign");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"laqa: error: {string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, folder.Path)}", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(folder.File("campaign")));
        Assert.False(Directory.Exists(folder.File("calc")));
    }

    [Fact]
    public void RelaxWithAVaspConfigRunsVaspOnceAndWritesTheStructureOfItsContcar()
    {
        using var folder = Setup("");
        File.Copy(DataFile("POSCAR"), folder.File("POSCAR"));

        var run = LaqaProcess.Start(folder.Path, "relax", "--calculator", "vasp.conf", "POSCAR", "--steps", "28", "--out", "relaxed.vasp");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("by VASP's own conjugate gradients (IBRION = 2, ISIF = 3)", run.Output);
        Assert.Contains("not converged after 28 steps", run.Output);
        var incar = File.ReadAllText(folder.File("calc/relax/0-1/INCAR"));
        Assert.StartsWith("ENCUT = 520\nISMEAR = 0\nSIGMA = 0.05\n", incar);
        Assert.Contains("NSW = 28\n", incar);
        Assert.Equal("  PAW_PBE Fe 06Sep2000\n  PAW_PBE O_s 06Sep2000\n", File.ReadAllText(folder.File("calc/relax/0-1/POTCAR")));
        var contcar = PoscarFormat.Read(DataFile("CONTCAR")).Structure;
        var relaxed = PoscarFormat.Read(folder.File("relaxed.vasp")).Structure;
        Assert.Equal(contcar.Lattice.Volume, relaxed.Lattice.Volume, 1e-9);
        Assert.False(Directory.Exists(folder.File("calc/relax/28-1")));
    }

    [Fact]
    public void ARelaxThatVaspEndsEarlyAsksTheNextRunForTheStepsLeft()
    {
        using var folder = Setup("");
        File.Copy(DataFile("POSCAR"), folder.File("POSCAR"));

        // The fake VASP gives its 28 steps again to the second run, which was asked for the 2 left: that run fails.
        var run = LaqaProcess.Start(folder.Path, "relax", "--calculator", "vasp.conf", "POSCAR", "--steps", "30", "--out", "relaxed.vasp");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("NSW = 2\n", File.ReadAllText(folder.File("calc/relax/28-1/INCAR")));
        Assert.StartsWith("laqa: relaxation failed: vasprun.xml holds 28 ionic steps for NSW = 2 (in ", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists(folder.File("relaxed.vasp")));
    }

    [Fact]
    public void ACampaignWithAVaspConfigRelaxesEachCandidateInVaspRunsOfStepsPerBatch()
    {
        using var folder = Setup("");
        // This fake VASP gives the first NSW ionic steps of the real run (cut after the NSW-th step, the file closed) and its CONTCAR.
        File.WriteAllText(folder.File("fake_vasp_std"), $$"""
            nsw=$(sed -n 's/^NSW = //p' INCAR)
            awk -v n="$nsw" '{ print } /<\/calculation>/ { if (++c == n) { print "</modeling>"; exit } }' '{{DataFile("vasprun.xml")}}' > vasprun.xml
            cp '{{DataFile("CONTCAR")}}' .
            """);
        File.AppendAllText(folder.File("vasp.conf"), """
            laqa {
              seed = 3
              relaxer.steps-per-batch = 4
              search { algorithm = laqa, mode = sync, nselect = 2, max-steps-per-candidate = 8 }
              workers.count = 1
            }
            """);

        var run = LaqaProcess.Start(folder.Path, "run", "vasp.conf", "--dir", "campaign");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("done (every candidate is done) in ", run.Output);
        Assert.Contains(": 4 batches, 16 relaxation steps", run.Output);
        var fourth = VasprunParser.Read(DataFile("vasprun.xml")).Steps[3];
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"best {fourth.FreeEnergy / 4:F5} eV/atom"), run.Output);
        foreach (var candidate in new[] { "0", "1" })
        {
            Assert.Contains("NSW = 4\n", File.ReadAllText(folder.File($"campaign/calc/{candidate}/0-1/INCAR")));
            // The second batch starts from the first one's CONTCAR.
            var second = PoscarFormat.Read(folder.File($"campaign/calc/{candidate}/1-1/POSCAR")).Structure;
            Assert.Equal(PoscarFormat.Read(DataFile("CONTCAR")).Structure.Lattice.Volume, second.Lattice.Volume, 1e-9);
        }
    }

    [Fact]
    public void CalcWithAVaspConfigRunsOneSinglePointAndPrintsItInOurUnits()
    {
        using var folder = Setup("");
        File.Copy(DataFile("POSCAR"), folder.File("POSCAR"));
        // This fake VASP gives the real run's first ionic step as a whole single-point vasprun.xml.
        File.WriteAllText(folder.File("fake_vasp_std"), $$"""
            awk '{ print } /<\/calculation>/ { print "</modeling>"; exit }' '{{DataFile("vasprun.xml")}}' > vasprun.xml
            """);

        var run = LaqaProcess.Start(folder.Path, "calc", "--calculator", "vasp.conf", "POSCAR", "--json");

        Assert.Equal(0, run.ExitCode);
        var incar = File.ReadAllText(folder.File("calc/calc/0-1/INCAR"));
        Assert.Contains("IBRION = -1\n", incar);
        Assert.Contains("NSW = 0\n", incar);
        var json = System.Text.Json.JsonDocument.Parse(run.Output).RootElement;
        var first = VasprunParser.Read(DataFile("vasprun.xml")).Steps[0].ToResult(VaspEnergy.FreeEnergy);
        Assert.Equal("vasp", json.GetProperty("potential").GetString());
        Assert.Equal(first.Energy, json.GetProperty("energy").GetDouble());
        Assert.Equal(first.MaxForce, json.GetProperty("maxForce").GetDouble());
    }
}
