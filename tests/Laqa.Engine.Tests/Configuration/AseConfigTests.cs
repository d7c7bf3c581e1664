using System.Security.Cryptography;
using Xunit;
using Laqa.Calculators.Ase;
using Laqa.Crystal;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Tests.Configuration;

/// <summary>laqa.calculator.ase: read, fingerprinted (with a calculator file's SHA-256), built and tried in Python before any candidate; bad input one line naming the key.</summary>
public class AseConfigTests
{
    private static string Hocon(string ase, string composition = "Cu4") =>
        $$"""laqa { composition = {{composition}}, calculator.ase { python = "{{AseCalculators.Python}}", {{ase}} } }""";

    private static string[] Errors(string hocon) => Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.Load(hocon)).Message.Split('\n');

    [Fact]
    public void AnAseBlockReadsTheCalculatorAndItsArgumentsAndBuildsAWorkingCalculator()
    {
        var spec = CampaignConfigLoader.Load(Hocon($"""calculator = "{AseCalculators.Emt}", arguments {"{"} fixed_cutoff = true {"}"}"""));

        var ase = Assert.IsType<AseCalculatorSpec>(spec.Calculator);
        Assert.Equal((AseCalculators.Python, AseCalculators.Emt, (string?)null), (ase.Python, ase.Calculator, ase.CalculatorFile));
        Assert.Equal([new AseArgumentSpec("fixed_cutoff", "true")], ase.Arguments);
        Assert.Contains("laqa.calculator.ase.arguments.fixed_cutoff = true", spec.DefiningSettings);
        using var calculator = Assert.IsType<AseCalculator>(CampaignCalculator.Create(spec.Calculator));
        var copper = new Structure(Lattice.Cubic(3.6), ["Cu", "Cu", "Cu", "Cu"], [new Vec3(0, 0, 0), new Vec3(0, 0.5, 0.5), new Vec3(0.5, 0, 0.5), new Vec3(0.5, 0.5, 0)]);
        Assert.InRange(calculator.Calculate(copper).Energy, -0.1, 0.1);
    }

    [Fact]
    public void ACalculatorFileIsHashedAndAnEditOrOtherArgumentsDefineAnotherCampaign()
    {
        using var folder = new TempFolder();
        var file = folder.File("misbehaving.py");
        File.WriteAllText(file, AseCalculators.MisbehavingSource);
        string Fingerprint(string mode) => CampaignConfigLoader.Load(Hocon($"""calculator-file = "{file}", arguments.mode = {mode}""")).Fingerprint;

        var spec = (AseCalculatorSpec)CampaignConfigLoader.Load(Hocon($"""calculator-file = "{file}", arguments.mode = flat""")).Calculator;
        Assert.Equal((file, AseCalculators.MisbehavingSource, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))),
            (spec.CalculatorFile!, spec.CalculatorFileSource!, spec.CalculatorFileSha256!));
        var before = Fingerprint("flat");
        Assert.NotEqual(before, Fingerprint("zero"));
        File.AppendAllText(file, "\n");
        Assert.NotEqual(before, Fingerprint("flat"));
    }

    [Fact]
    public void TheExampleCampaignReadsAsEmtOnSilver()
    {
        var path = RepositoryFiles.PathOf("config/examples/ag4-emt.conf");
        var spec = CampaignConfigLoader.LoadFile(path);

        Assert.Equal(new AseCalculatorSpec(AseCalculators.Python, AseCalculators.Emt, null, null, null, EquatableList<AseArgumentSpec>.Empty), spec.Calculator);
        Assert.Equal("Ag4", spec.Composition.Formula());
    }

    [Theory]
    [InlineData("Cu4", "calculator = \"nosuch.module:EMT\"", "laqa.calculator.ase.calculator: ModuleNotFoundError: No module named 'nosuch'")]
    [InlineData("Cu4", "calculator = \"ase.calculators.emt:EMX\"", "laqa.calculator.ase.calculator: AttributeError: module 'ase.calculators.emt' has no attribute 'EMX'")]
    [InlineData("Cu4", "calculator = \"ase.build:bulk\"", "laqa.calculator.ase.calculator: TypeError: bulk() missing 1 required positional argument: 'name'")]
    [InlineData("Cu4", "calculator = \"ase.build:bulk\", arguments.name = Cu", "laqa.calculator.ase.calculator: TypeError: ase.build:bulk returned Atoms, not an ASE calculator")]
    [InlineData("Cu2Si2", "calculator = \"ase.calculators.emt:EMT\"",
        "laqa.calculator.ase.calculator: fails on a test cell of Cu1Si1 (one atom per species, 3 Å apart): NotImplementedError: No EMT-potential for Si")]
    [InlineData("Cu4", "calculator = EMT", "laqa.calculator.ase.calculator: expected \"module:Name\", a class or function of a Python module, e.g. \"ase.calculators.emt:EMT\", got \"EMT\"")]
    [InlineData("Cu4", "", "laqa.calculator.ase: give calculator = \"module:Name\" (e.g. \"ase.calculators.emt:EMT\") or calculator-file = \"a Python file defining make_calculator()\"")]
    [InlineData("Cu4", "calculator = \"ase.calculators.emt:EMT\", calculator-file = x.py", "laqa.calculator.ase: give calculator or calculator-file, not both")]
    [InlineData("Cu4", "calculator-file = /no/such/calculator.py", "laqa.calculator.ase.calculator-file: cannot read /no/such/calculator.py: no such file")]
    [InlineData("Cu4", "calculator = \"ase.calculators.emt:EMT\", python = /no/python3", "laqa.calculator.ase.python: /no/python3 is not an existing file (Debian: apt-get install python3-ase)")]
    [InlineData("Cu4", "calculator = \"ase.calculators.emt:EMT\", arguments.cutoffs = [1, 2]", "laqa.calculator.ase.arguments.cutoffs: expected a single value: a number, true/false or a string")]
    [InlineData("Cu4", "calculator = \"ase.calculators.emt:EMT\", calculater = x", "laqa.calculator.ase.calculater: unknown key (did you mean calculator?)")]
    public void BadAseInputIsOneLineNamingTheKey(string composition, string ase, string expected)
    {
        Assert.Equal([expected], Errors(Hocon(ase, composition)));
    }

    [Fact]
    public void ACalculatorFileThatIsNotPythonIsOneLineNamingItsLine()
    {
        using var folder = new TempFolder();
        var file = folder.File("broken.py");
        File.WriteAllText(file, "import ase\n\ndef make_calculator(:\n    pass\n");

        Assert.Equal([$"laqa.calculator.ase.calculator-file: SyntaxError: invalid syntax ({file}, line 3)"], Errors(Hocon($"""calculator-file = "{file}" """)));
    }

    [Theory]
    [InlineData("raise", "RuntimeError: the model diverged")]
    [InlineData("forces", "ValueError: the calculator returned forces of shape (0, 3) for 1 atoms")]
    [InlineData("nan", "ValueError: the calculator returned a non-finite energy, force or stress (NaN or infinity)")]
    public void ACalculatorFileWhoseCalculatorMisbehavesIsOneLineNamingTheFileKey(string mode, string reason)
    {
        using var folder = new TempFolder();
        var file = folder.File("misbehaving.py");
        File.WriteAllText(file, AseCalculators.MisbehavingSource);

        Assert.Equal([$"laqa.calculator.ase.calculator-file: fails on a test cell of Cu1 (one atom per species, 3 Å apart): {reason}"],
            Errors(Hocon($"""calculator-file = "{file}", arguments.mode = {mode}""")));
    }
}
