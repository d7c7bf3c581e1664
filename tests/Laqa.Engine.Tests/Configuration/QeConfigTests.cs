using System.Security.Cryptography;
using Xunit;
using Laqa.Calculators.Qe;
using Laqa.Crystal;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Tests.Configuration;

/// <summary>laqa.calculator.qe: every setting read and fingerprinted with the pseudopotentials' SHA-256; bad input one line naming the key or file.</summary>
public class QeConfigTests
{
    private const string Pseudo = $"{QuantumEspresso.PseudoDir}/{QuantumEspresso.SiliconPseudo}";

    private static CampaignSpec Load(string qe, string composition = "Si2") =>
        CampaignConfigLoader.Load($$"""laqa { composition = {{composition}}, calculator.qe { pseudopotentials { Si = "Si.pz-vbc.UPF" }, {{qe}} } }""");

    private static string[] Errors(string hocon)
    {
        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.Load(hocon));
        return e.Message.Split('\n');
    }

    [Fact]
    public void AQeBlockReadsEverySettingAndHashesEachPseudopotential()
    {
        QuantumEspresso.Require();
        var spec = Load("""
            command = "pw.x -nk 1", mpi-command = "mpirun -np 2", ecutwfc = 16, ecutrho = 64, k-points = [2, 3, 4],
            smearing = mv, degauss = 0.02, mixing-beta = 0.3, electron-maxstep = 50, extra { system { nosym = true }, electrons { conv_thr = 1e-7 } }
            """);

        var qe = Assert.IsType<QeCalculatorSpec>(spec.Calculator);
        Assert.Equal(["pw.x", "-nk", "1"], qe.Command);
        Assert.Equal(["mpirun", "-np", "2"], qe.MpiCommand);
        Assert.Equal(QuantumEspresso.PseudoDir, qe.PseudoDir);
        Assert.Equal([new PseudopotentialSpec("Si", QuantumEspresso.SiliconPseudo, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Pseudo))))], qe.Pseudopotentials);
        Assert.Equal((16.0, 64.0, (double?)null), (qe.Ecutwfc, qe.EcutRho!.Value, qe.KSpacing));
        Assert.Equal([2, 3, 4], qe.KPoints!);
        Assert.Equal(("mv", 0.02, 0.3, 50), (qe.Smearing, qe.Degauss, qe.MixingBeta, qe.ElectronMaxstep));
        Assert.Equal([new QeExtraKeySpec("electrons", "conv_thr", "1e-7"), new QeExtraKeySpec("system", "nosym", ".true.")], qe.Extra);
        Assert.Equal("all", qe.KeepFiles);
    }

    [Fact]
    public void TheExtraKeysAndTheSettingsReachThePwxInput()
    {
        QuantumEspresso.Require();
        var spec = Load("""ecutwfc = 16, k-spacing = 0.3, smearing = gaussian, extra { system { nosym = true, input_dft = pbe } }""");
        var structure = new Structure(Lattice.Cubic(5.43), ["Si", "Si"], [new Vec3(0, 0, 0), new Vec3(0.25, 0.25, 0.25)]);

        var input = PwInput.Write(structure, CampaignCalculator.QeSettings((QeCalculatorSpec)spec.Calculator), new PwInput.VcRelax(5, 10, 1e-3, 0.5));

        Assert.Contains("  ecutwfc = 16\n  occupations = 'smearing'\n  smearing = 'gaussian'\n  degauss = 0.01\n  input_dft = 'pbe'\n  nosym = .true.\n/", input);
        Assert.Contains("  nstep = 5\n", input);
        Assert.Contains("  press = 10\n", input);
        Assert.Contains("Si 28.085 Si.pz-vbc.UPF\n", input);
        // 2π / (5.43 Å × 0.3 Å⁻¹) = 3.86: four points along each axis.
        Assert.EndsWith("K_POINTS automatic\n4 4 4 0 0 0\n", input);
    }

    [Fact]
    public void OtherPseudopotentialBytesDefineAnotherCampaignAndTheMpiCommandDoesNot()
    {
        QuantumEspresso.Require();
        using var folder = new TempFolder();
        File.Copy(Pseudo, folder.File(QuantumEspresso.SiliconPseudo));
        var hocon = $$"""laqa { composition = Si2, calculator.qe { pseudo-dir = "{{folder.Path}}", pseudopotentials { Si = "Si.pz-vbc.UPF" }, mpi-command = "{0}" } }""";
        string Fingerprint(string mpi) => CampaignConfigLoader.Load(hocon.Replace("{0}", mpi)).Fingerprint;
        var before = Fingerprint("");

        Assert.Equal(before, Fingerprint("mpirun -np 2"));
        File.AppendAllText(folder.File(QuantumEspresso.SiliconPseudo), " ");
        Assert.NotEqual(before, Fingerprint(""));
    }

    [Theory]
    [InlineData("Si2O4", "", "laqa.calculator.qe.pseudopotentials: no pseudopotential for O, e.g. O = \"O.pz-vbc.UPF\"")]
    [InlineData("Si2", "pseudopotentials.Si = \"Nope.UPF\"", $"laqa.calculator.qe.pseudopotentials.Si: cannot read {QuantumEspresso.PseudoDir}/Nope.UPF: no such file")]
    [InlineData("Si2", "command = laqa-no-pw.x", "laqa.calculator.qe.command: laqa-no-pw.x is not on PATH (Debian: apt-get install quantum-espresso)")]
    [InlineData("Si2", "mpi-command = \"/no/mpirun -np 2\"", "laqa.calculator.qe.mpi-command: /no/mpirun is not an existing file (Debian: apt-get install quantum-espresso)")]
    [InlineData("Si2", "ecutwfcc = 20", "laqa.calculator.qe.ecutwfcc: unknown key (did you mean ecutwfc?)")]
    [InlineData("Si2", "k-spacing = 0.3, k-points = [2, 2, 2]", "laqa.calculator.qe: give k-spacing or k-points, not both")]
    [InlineData("Si2", "k-points = [2, 2]", "laqa.calculator.qe.k-points: expected three integers from 1 to 1000, e.g. [2, 2, 2]")]
    [InlineData("Si2", "k-points = [100000, 100000, 100000]", "laqa.calculator.qe.k-points: expected three integers from 1 to 1000, e.g. [2, 2, 2]")]
    [InlineData("Si2", "k-spacing = 1e-9", "laqa.calculator.qe.k-spacing: must be at least 0.01, got 1e-9")]
    [InlineData("Si2", "ecutwfc = 30, ecutrho = 30", "laqa.calculator.qe.ecutrho: must be greater than ecutwfc (30), got 30; \"\" leaves pw.x's 4 × ecutwfc")]
    [InlineData("Si2", "ecutwfc = 0", "laqa.calculator.qe.ecutwfc: must be greater than 0, got 0")]
    [InlineData("Si2", "ecutrho = -10", "laqa.calculator.qe.ecutrho: must be greater than 0, got -10")]
    [InlineData("Si2", "pseudo-dir = /no/such/folder", "laqa.calculator.qe.pseudo-dir: folder /no/such/folder does not exist")]
    [InlineData("Si2", "extra.system.nat = 3", "laqa.calculator.qe.extra.system.nat: set by laqa (from the structure, the batch or the other calculator.qe settings); not accepted here")]
    [InlineData("Si2", "extra.syst { nosym = true }", "laqa.calculator.qe.extra.syst: unknown namelist; expected one of control, system, electrons, ions, cell")]
    public void BadQeInputIsOneLineNamingTheKeyOrFile(string composition, string qe, string expected)
    {
        QuantumEspresso.Require();
        var pseudos = qe.StartsWith("pseudopotentials", StringComparison.Ordinal) ? "" : "pseudopotentials { Si = \"Si.pz-vbc.UPF\" }, ";

        Assert.Equal([expected], Errors($$"""laqa { composition = {{composition}}, calculator.qe { {{pseudos}}{{qe}} } }"""));
    }

    private const string Template = """
        &control
          verbosity = 'high'
        /
        &system
          ecutwfc = 16, nosym = .true., input_dft = 'pbe'
        /
        &electrons
          mixing_beta = 0.4
        /
        ATOMIC_SPECIES
        Si 28.0855 Si.pz-vbc.UPF
        K_POINTS automatic
        3 3 3 1 1 1
        """;

    private static CampaignSpec LoadTemplate(TempFolder folder, string template, string qe = "", string composition = "Si2")
    {
        File.WriteAllText(folder.File("pw-template.in"), template);
        return CampaignConfigLoader.Load($$"""laqa { composition = {{composition}}, calculator.qe { template = pw-template.in {{qe}} } }""", folder.Path);
    }

    [Fact]
    public void ATemplateIsReadFromTheConfigsFolderAndItsKeysAndCardsReachThePwxInput()
    {
        QuantumEspresso.Require();
        using var folder = new TempFolder();

        var qe = Assert.IsType<QeCalculatorSpec>(LoadTemplate(folder, Template).Calculator);
        var structure = new Structure(Lattice.Cubic(5.43), ["Si", "Si"], [new Vec3(0, 0, 0), new Vec3(0.25, 0.25, 0.25)]);
        var input = PwInput.Write(structure, CampaignCalculator.QeSettings(qe), new PwInput.VcRelax(5, 10, 1e-3, 0.5));

        Assert.Equal(new QeTemplateSpec(folder.File("pw-template.in"), Template, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(folder.File("pw-template.in"))))), qe.Template);
        Assert.Equal([new PseudopotentialSpec("Si", QuantumEspresso.SiliconPseudo, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Pseudo))))], qe.Pseudopotentials);
        Assert.Equal((0.4, (double?)null, (EquatableList<int>?)null), (qe.MixingBeta, qe.KSpacing, qe.KPoints));
        Assert.Contains("  calculation = 'vc-relax'\n", input);
        Assert.Contains("  nstep = 5\n  forc_conv_thr = 0.001\n  verbosity = 'high'\n/", input);
        Assert.Contains("  ibrav = 0\n  nat = 2\n  ntyp = 1\n  ecutwfc = 16\n  nosym = .true.\n  input_dft = 'pbe'\n/", input);
        Assert.Contains("&ELECTRONS\n  mixing_beta = 0.4\n/", input);
        Assert.Contains("  press = 10\n", input);
        Assert.Contains("ATOMIC_SPECIES\nSi 28.0855 Si.pz-vbc.UPF\nCELL_PARAMETERS angstrom\n", input);
        Assert.EndsWith("K_POINTS automatic\n3 3 3 1 1 1\n", input);
    }

    [Fact]
    public void TheTemplateExampleWritesTheInputOfSi8QeWithOneMoreKey()
    {
        QuantumEspresso.Require();
        string Input(string example) => PwInput.Write(new Structure(Lattice.Cubic(5.43), ["Si", "Si"], [new Vec3(0, 0, 0), new Vec3(0.25, 0.25, 0.25)]),
            CampaignCalculator.QeSettings((QeCalculatorSpec)CampaignConfigLoader.LoadFile(RepositoryFiles.PathOf($"config/examples/{example}")).Calculator),
            new PwInput.VcRelax(5, 0, 1e-3, 0.5));

        Assert.Equal(Input("si8-qe.conf"), Input("si8-qe-template.conf").Replace("  conv_thr = 1.0d-7\n", ""));
    }

    [Fact]
    public void WithoutThoseCardsTheTemplateTakesThePseudopotentialsAndKPointsOfTheConfig()
    {
        QuantumEspresso.Require();
        using var folder = new TempFolder();

        var qe = (QeCalculatorSpec)LoadTemplate(folder, "&system ecutwfc = 16 /", ", pseudopotentials { Si = \"Si.pz-vbc.UPF\" }, k-spacing = 0.3").Calculator;
        var input = PwInput.Write(new Structure(Lattice.Cubic(5.43), ["Si", "Si"], [new Vec3(0, 0, 0), new Vec3(0.25, 0.25, 0.25)]), CampaignCalculator.QeSettings(qe), null);

        Assert.Contains("  calculation = 'scf'\n", input);
        Assert.Contains("&ELECTRONS\n  mixing_beta = 0.7\n/\nATOMIC_SPECIES\nSi 28.085 Si.pz-vbc.UPF\n", input);
        Assert.EndsWith("K_POINTS automatic\n4 4 4 0 0 0\n", input);
    }

    [Fact]
    public void TheTemplatesBytesDefineTheCampaign()
    {
        QuantumEspresso.Require();
        using var folder = new TempFolder();
        var before = LoadTemplate(folder, Template).Fingerprint;

        Assert.Equal(before, LoadTemplate(folder, Template).Fingerprint);
        Assert.NotEqual(before, LoadTemplate(folder, Template.Replace("mixing_beta = 0.4", "mixing_beta = 0.5")).Fingerprint);
        Assert.NotEqual(before, LoadTemplate(folder, Template.Replace("nosym = .true.", "nosym = .false.")).Fingerprint);
        Assert.Contains($"laqa.calculator.qe.template = {folder.File("pw-template.in")}", LoadTemplate(folder, Template).DefiningSettings);
    }

    [Theory]
    [InlineData("&control\n  calculation = 'scf'\n/\n&system ecutwfc = 16 /", "", "{0} line 2: calculation is set by laqa (vc-relax for each batch, scf for laqa calc); remove it from the template")]
    [InlineData("&system\n  ecutwfc = 16\n  nat = 4\n/", "", "{0} line 3: nat is set by laqa (each structure's atoms); remove it from the template")]
    [InlineData("&system ecutwfc = 16 /\nATOMIC_POSITIONS crystal\nSi 0 0 0", "", "{0} line 2: ATOMIC_POSITIONS is written by laqa from each structure; remove it from the template")]
    [InlineData("&system\n  ecutwfc = 16, input_dft = pbe\n/", "", "{0} line 2: cannot read the value of input_dft: \"pbe\" (expected a number, .true./.false. or a quoted string)")]
    [InlineData("&system ecutwfc = 16 /\nATOMIC_SPECIES\nSi 28.0855 Nope.UPF", "", $"{{0}}: ATOMIC_SPECIES Si: cannot read {QuantumEspresso.PseudoDir}/Nope.UPF: no such file")]
    [InlineData("&system ecutwfc = 16 /\nATOMIC_SPECIES\nO 16 O.pz-mt.UPF", "", "{0}: ATOMIC_SPECIES has no line for Si")]
    public void ATemplateLaqaCannotUseIsOneLineNamingTheKeyTheFileAndItsLine(string template, string qe, string expected)
    {
        QuantumEspresso.Require();
        using var folder = new TempFolder();

        var e = Assert.Throws<LaqaInputException>(() => LoadTemplate(folder, template, qe));

        Assert.Equal([$"laqa.calculator.qe.template: {string.Format(expected, folder.File("pw-template.in"))}"], e.Message.Split('\n'));
    }

    [Theory]
    [InlineData(", ecutwfc = 20", "laqa.calculator.qe.ecutwfc: not with template = \"{0}\": give it in the template's namelists")]
    [InlineData(", extra.system.nosym = true", "laqa.calculator.qe.extra: not with template = \"{0}\": give it in the template's namelists")]
    [InlineData(", k-points = [2, 2, 2]", "laqa.calculator.qe.k-points: not with template = \"{0}\", which has K_POINTS")]
    [InlineData(", pseudopotentials { Si = \"Si.pz-vbc.UPF\" }", "laqa.calculator.qe.pseudopotentials: not with template = \"{0}\", which has ATOMIC_SPECIES")]
    public void AKeyTheTemplateAlreadyGivesIsRefused(string qe, string expected)
    {
        QuantumEspresso.Require();
        using var folder = new TempFolder();

        var e = Assert.Throws<LaqaInputException>(() => LoadTemplate(folder, Template, qe));

        Assert.Equal([string.Format(expected, folder.File("pw-template.in"))], e.Message.Split('\n'));
    }

    [Fact]
    public void ATemplateThatCannotBeReadIsOneLineNamingIt()
    {
        QuantumEspresso.Require();
        using var folder = new TempFolder();

        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.Load("laqa { composition = Si2, calculator.qe.template = nope.in }", folder.Path));

        Assert.Equal([$"laqa.calculator.qe.template: cannot read {folder.File("nope.in")}: no such file"], e.Message.Split('\n'));
    }

    [Fact]
    public void EveryQeSettingButTheMpiCommandIsFingerprinted()
    {
        QuantumEspresso.Require();
        using var folder = new TempFolder();
        var qe = Akka.Configuration.ConfigurationFactory.ParseString(CampaignConfigLoader.ReferenceText).GetValue("laqa.calculator.qe").GetObject().Items.Keys;
        var lines = Load("smearing = mv, extra.system.nosym = true").DefiningSettings.Concat(Load("k-points = [1, 1, 1]").DefiningSettings)
            .Concat(LoadTemplate(folder, Template).DefiningSettings).ToList();

        foreach (var key in qe.Where(k => k != "mpi-command"))
            Assert.Contains(lines, l => l.StartsWith($"laqa.calculator.qe.{key}", StringComparison.Ordinal));
    }
}
