using System.Security.Cryptography;
using Xunit;
using Laqa.Calculators.Vasp;
using Laqa.Crystal;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Tests.Configuration;

/// <summary>
/// laqa.calculator.vasp: every setting read and fingerprinted with the SHA-256 of each POTCAR and of the
/// INCAR template; bad input one line naming the key and the element or file. The POTCARs are fakes
/// holding only a header line (real ones are licensed).
/// </summary>
public sealed class VaspConfigTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public VaspConfigTests()
    {
        foreach (var label in new[] { "Si", "O_s" })
        {
            Directory.CreateDirectory(_folder.File($"potpaw/{label}"));
            File.WriteAllText(_folder.File($"potpaw/{label}/POTCAR"), $"  PAW_PBE {label} 05Jan2001\n");
        }
        File.WriteAllText(_folder.File("INCAR.template"), "ENCUT = 400\nISMEAR = 0 ; SIGMA = 0.05\n");
    }

    public void Dispose() => _folder.Dispose();

    private string Potcar(string label) => _folder.File($"potpaw/{label}/POTCAR");

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    private string Hocon(string vasp, string composition = "Si2O4", bool defaults = true) =>
        $$"""laqa { composition = {{composition}}, calculator.vasp { {{(defaults ? $"command = true, potcar-dir = \"{_folder.File("potpaw")}\", potcars {{ O = O_s }}, " : "")}}{{vasp}} } }""";

    private CampaignSpec Load(string vasp, string composition = "Si2O4") => CampaignConfigLoader.Load(Hocon(vasp, composition));

    private static string[] Errors(string hocon) => Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.Load(hocon)).Message.Split('\n');

    [Fact]
    public void AVaspBlockReadsEverySettingAndHashesEachPotcarAndTheTemplate()
    {
        var spec = Load($"""mpi-command = "true -np 2", incar-template = "{_folder.File("INCAR.template")}", k-spacing = 0.25, energy = e_0_energy""");

        var vasp = Assert.IsType<VaspCalculatorSpec>(spec.Calculator);
        Assert.Equal(["true"], vasp.Command);
        Assert.Equal(["true", "-np", "2"], vasp.MpiCommand);
        Assert.Equal(_folder.File("potpaw"), vasp.PotcarDir);
        Assert.Equal([new PotcarSpec("O", "O_s", Sha256(Potcar("O_s"))), new PotcarSpec("Si", "Si", Sha256(Potcar("Si")))], vasp.Potcars);
        Assert.Equal((_folder.File("INCAR.template"), File.ReadAllText(_folder.File("INCAR.template")), Sha256(_folder.File("INCAR.template"))),
            (vasp.IncarTemplatePath, vasp.IncarTemplate, vasp.IncarTemplateSha256));
        Assert.Equal((0.25, "e_0_energy", "all"), (vasp.KSpacing, vasp.Energy, vasp.KeepFiles));
        var settings = CampaignCalculator.VaspSettings(vasp);
        Assert.Equal(VaspEnergy.SigmaZero, settings.Energy);
        Assert.Equal("O_s", settings.Potcars["O"]);
    }

    [Fact]
    public void OtherPotcarOrTemplateBytesDefineAnotherCampaignAndTheMpiCommandDoesNot()
    {
        string Fingerprint(string mpi) => Load($"""mpi-command = "{mpi}", incar-template = "{_folder.File("INCAR.template")}" """).Fingerprint;
        var before = Fingerprint("");

        Assert.Equal(before, Fingerprint("true -np 2"));
        File.AppendAllText(Potcar("O_s"), " ");
        var afterPotcar = Fingerprint("");
        File.AppendAllText(_folder.File("INCAR.template"), "PREC = Accurate\n");

        Assert.NotEqual(before, afterPotcar);
        Assert.NotEqual(afterPotcar, Fingerprint(""));
    }

    [Fact]
    public void AMissingPotcarIsOneLineNamingTheKeyAndTheElement()
    {
        Assert.Equal(
            [$"laqa.calculator.vasp.potcars.O: no POTCAR for O: cannot read {_folder.File("potpaw/O/POTCAR")}: no such file (give its subfolder of potcar-dir, e.g. O = O_pv)"],
            Errors(Hocon($"""command = true, potcar-dir = "{_folder.File("potpaw")}" """, defaults: false)));
        Assert.Equal(
            [$"laqa.calculator.vasp.potcars.Si: no POTCAR for Si: cannot read {_folder.File("potpaw/Si_pv/POTCAR")}: no such file (give its subfolder of potcar-dir, e.g. Si = Si_pv)"],
            Errors(Hocon("potcars.Si = Si_pv")));
    }

    [Theory]
    [InlineData("", "command = true", "laqa.calculator.vasp.potcar-dir: missing: give the folder that holds a subfolder with a POTCAR per element, e.g. \"/opt/vasp/potpaw_PBE\"")]
    [InlineData("", "command = true, potcar-dir = /no/such/potpaw", "laqa.calculator.vasp.potcar-dir: folder /no/such/potpaw does not exist")]
    [InlineData("x", "incar-template = /no/INCAR.template", "laqa.calculator.vasp.incar-template: cannot read /no/INCAR.template: no such file")]
    [InlineData("x", "command = laqa-no-vasp_std", "laqa.calculator.vasp.command: laqa-no-vasp_std is not on PATH (VASP is licensed and not packaged: give the path of your vasp_std)")]
    [InlineData("x", "energy = e0_energy", "laqa.calculator.vasp.energy: unknown value \"e0_energy\" (did you mean e_0_energy?); expected e_fr_energy or e_0_energy")]
    [InlineData("x", "k-spacing = 0", "laqa.calculator.vasp.k-spacing: must be at least 0.01, got 0")]
    [InlineData("x", "k-spacing = 1e-9", "laqa.calculator.vasp.k-spacing: must be at least 0.01, got 1e-9")]
    [InlineData("x", "potcars.Xx = Xx", "laqa.calculator.vasp.potcars.Xx: unknown element \"Xx\"")]
    [InlineData("x", "encut = 400", "laqa.calculator.vasp.encut: unknown key")]
    public void BadVaspInputIsOneLineNamingTheKeyOrFile(string defaults, string vasp, string expected)
    {
        var errors = Errors(Hocon(vasp, defaults: defaults.Length > 0));

        Assert.Single(errors);
        Assert.StartsWith(expected, errors[0]);
    }

    [Fact]
    public void ATemplateThatSetsAKeyLaqaWritesIsRefusedNamingTheKeys()
    {
        File.WriteAllText(_folder.File("INCAR.template"), "ENCUT = 400\nibrion = 1 ; NSW=3 # ions only\n");

        Assert.Equal(
            [$"laqa.calculator.vasp.incar-template: {_folder.File("INCAR.template")} sets IBRION, NSW, which laqa writes itself (IBRION = 2, ISIF = 3, NSW = the batch's steps, PSTRESS = the relaxer's pressure): remove them"],
            Errors(Hocon($"""incar-template = "{_folder.File("INCAR.template")}" """)));
    }

    [Fact]
    public void EveryVaspSettingButTheMpiCommandIsFingerprinted()
    {
        var vasp = Akka.Configuration.ConfigurationFactory.ParseString(CampaignConfigLoader.ReferenceText).GetValue("laqa.calculator.vasp").GetObject().Items.Keys;
        var lines = Load("").DefiningSettings;

        foreach (var key in vasp.Where(k => k != "mpi-command"))
            Assert.Contains(lines, l => l.StartsWith($"laqa.calculator.vasp.{key}", StringComparison.Ordinal));
    }
}
