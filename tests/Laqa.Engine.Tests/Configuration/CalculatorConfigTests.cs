using Xunit;
using Laqa.Calculators;
using Laqa.Calculators.Potentials;
using Laqa.Crystal;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Tests.Configuration;

/// <summary>laqa.calculator: one of a preset, a LAMMPS potential file, explicit Lennard-Jones or explicit rigid ions.</summary>
public class CalculatorConfigTests
{
    private const string SiTersoffFile = "/usr/share/lammps/potentials/Si.tersoff";

    private static string[] Errors(string hocon, string? baseDirectory = null)
    {
        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.Load(hocon, baseDirectory));
        return e.Message.Split('\n');
    }

    private static ICalculator CalculatorOf(CampaignSpec spec) => CampaignCalculator.Create(spec.Calculator);

    private static void AssertSameResults(ICalculator expected, ICalculator actual, Structure structure)
    {
        var a = expected.Calculate(structure);
        var b = actual.Calculate(structure);
        Assert.True(a.Succeeded);
        Assert.Equal(a.Energy, b.Energy);
        Assert.Equal(a.Forces, b.Forces);
        Assert.Equal(a.Stress, b.Stress);
    }

    /// <summary>A random-looking cell of the composition, from the campaign's own generator.</summary>
    private static Structure Generated(CampaignSpec spec) => CampaignComponents.From(spec).Generator.Generate(0).Structure;

    [Fact]
    public void TheExplicitRigidIonExampleIsTheAl2o3BushPresetToTheBit()
    {
        var spec = CampaignConfigLoader.LoadFile(RepositoryFiles.PathOf("config/examples/al2o3-explicit.conf"));

        Assert.IsType<RigidIonCalculatorSpec>(spec.Calculator);
        AssertSameResults(PotentialPresets.Create("al2o3-bush"), CalculatorOf(spec), Generated(spec));
    }

    [Fact]
    public void ExplicitLennardJonesWithAnySpeciesIsTheLjAirssPresetToTheBit()
    {
        var spec = CampaignConfigLoader.Load("""
            laqa { composition = Ar8, calculator.lennard-jones { form = shifted-force, pairs { "*-*" { epsilon = 1.0, sigma = 2.0, cutoff = 5.0 } } } }
            """);

        Assert.Equal(new LennardJonesCalculatorSpec("shifted-force", new([new LennardJonesPairSpec("*", "*", 1, 2, 5)])), spec.Calculator);
        AssertSameResults(PotentialPresets.Create("lj-airss"), CalculatorOf(spec), Generated(spec));
    }

    [Fact]
    public void ALammpsFileIsReadAsTersoffFromFileReadsIt()
    {
        var spec = CampaignConfigLoader.Load($"laqa {{ composition = Si8, calculator.lammps-file = \"{SiTersoffFile}\" }}");

        var file = Assert.IsType<LammpsFileCalculatorSpec>(spec.Calculator);
        Assert.Equal(SiTersoffFile, file.Path);
        AssertSameResults(Tersoff.FromFile(SiTersoffFile), CalculatorOf(spec), Generated(spec));
    }

    [Fact]
    public void ARelativeLammpsFileIsTakenFromTheConfigFolder()
    {
        var folder = Directory.CreateTempSubdirectory("laqa-calculator-");
        try
        {
            File.Copy("/usr/share/lammps/potentials/Si.sw", Path.Combine(folder.FullName, "Si.sw"));
            var config = Path.Combine(folder.FullName, "campaign.conf");
            File.WriteAllText(config, "laqa { composition = Si8, calculator.lammps-file = Si.sw }");

            var spec = CampaignConfigLoader.LoadFile(config);

            Assert.Equal(Path.Combine(folder.FullName, "Si.sw"), Assert.IsType<LammpsFileCalculatorSpec>(spec.Calculator).Path);
            AssertSameResults(StillingerWeber.FromFile("/usr/share/lammps/potentials/Si.sw"), CalculatorOf(spec), Generated(spec));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void AnEditedLammpsFileIsAnotherCampaign()
    {
        var folder = Directory.CreateTempSubdirectory("laqa-calculator-");
        try
        {
            var path = Path.Combine(folder.FullName, "Si.tersoff");
            var text = File.ReadAllText(SiTersoffFile);
            File.WriteAllText(path, text);
            var before = CampaignConfigLoader.Load($"laqa {{ composition = Si8, calculator.lammps-file = \"{path}\" }}");
            File.WriteAllText(path, text.Replace("3264.7", "3264.8"));
            var after = CampaignConfigLoader.Load($"laqa {{ composition = Si8, calculator.lammps-file = \"{path}\" }}");

            Assert.NotEqual(before.Fingerprint, after.Fingerprint);
            Assert.Contains($"laqa.calculator.lammps-file.sha256 = {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))}", after.DefiningSettings);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("preset = si-sw", new[] { "laqa.calculator.preset = si-sw" })]
    [InlineData("lammps-file = \"" + SiTersoffFile + "\"", new[] { "laqa.calculator.lammps-file", "laqa.calculator.lammps-file.sha256" })]
    [InlineData("lennard-jones.pairs { Si-Si { epsilon = 1, sigma = 2, cutoff = 5 } }",
        new[] { "laqa.calculator.lennard-jones.form", "laqa.calculator.lennard-jones.pairs.Si-Si.epsilon", "laqa.calculator.lennard-jones.pairs.Si-Si.sigma", "laqa.calculator.lennard-jones.pairs.Si-Si.cutoff" })]
    [InlineData("rigid-ion { charges { Si = 0 }\n pairs { Si-Si { a = 1, rho = 0.3 } } }",
        new[] { "laqa.calculator.rigid-ion.charges.Si", "laqa.calculator.rigid-ion.cutoff", "laqa.calculator.rigid-ion.pairs.Si-Si.a", "laqa.calculator.rigid-ion.pairs.Si-Si.rho",
            "laqa.calculator.rigid-ion.pairs.Si-Si.sigma", "laqa.calculator.rigid-ion.pairs.Si-Si.c", "laqa.calculator.rigid-ion.pairs.Si-Si.d" })]
    public void TheFingerprintHoldsEverySettingOfTheChosenCalculator(string calculator, string[] keys)
    {
        var spec = CampaignConfigLoader.Load($"laqa {{ composition = Si8, calculator {{ {calculator} }} }}");
        var calculatorKeys = spec.DefiningSettings.Where(l => l.StartsWith("laqa.calculator.", StringComparison.Ordinal))
            .Select(l => keys.Length == 1 ? l : l[..l.IndexOf(" = ", StringComparison.Ordinal)]);

        Assert.Equal(keys, calculatorKeys);
    }

    [Theory]
    [InlineData("si-sw", "lennard-jones.form = plain", "laqa.calculator: give one calculator, not laqa.calculator.preset and laqa.calculator.lennard-jones")]
    [InlineData("si-sw", "lammps-file = x.sw", "laqa.calculator: give one calculator, not laqa.calculator.preset and laqa.calculator.lammps-file")]
    public void TwoCalculatorsAreAnErrorNamingBoth(string preset, string other, string expected)
    {
        Assert.Equal([expected], Errors($"laqa {{ composition = Si8, calculator {{ preset = {preset}, {other} }} }}"));
    }

    [Fact]
    public void EveryProblemOfExplicitLennardJonesIsListedWithItsKey()
    {
        Assert.Equal(
        [
            "laqa.calculator.lennard-jones.form: unknown value \"shifted_force\" (did you mean shifted-force?); expected one of plain, shifted, shifted-force",
            "laqa.calculator.lennard-jones.pairs.\"Ar-Ar\".sigma: must be greater than 0, got -3.4",
            "laqa.calculator.lennard-jones.pairs.\"Ar-Xx\": unknown element \"Xx\" (\"*\" stands for any species)",
            "laqa.calculator.lennard-jones.pairs.\"Ar-Kr\".epsilom: unknown key (did you mean epsilon?)",
            "laqa.calculator.lennard-jones.pairs.\"Ar-Kr\".epsilon: missing",
        ], Errors("""
            laqa {
              composition = Ar8
              calculator.lennard-jones {
                form = shifted_force
                pairs {
                  "Ar-Ar" { epsilon = 0.0104, sigma = -3.4, cutoff = 8.5 }
                  "Ar-Xx" { epsilon = 0.01, sigma = 3.4, cutoff = 8.5 }
                  "Ar-Kr" { epsilom = 0.01, sigma = 3.5, cutoff = 8.5 }
                }
              }
            }
            """));
    }

    [Fact]
    public void APairMissingForTheCompositionIsAnError()
    {
        Assert.Equal(
            ["laqa.calculator.rigid-ion: no short-range parameters for the pair Na-Cl of the composition Na4Cl4"],
            Errors("""
                laqa {
                  composition = Na4Cl4
                  calculator.rigid-ion {
                    charges { Na = 1, Cl = -1 }
                    pairs {
                      Na-Na { a = 0 }
                      Cl-Cl { a = 100, rho = 0.3 }
                    }
                  }
                }
                """));
    }

    [Fact]
    public void ChargesThatDoNotBalanceForTheCompositionAreAnError()
    {
        Assert.Equal(
            ["laqa.calculator.rigid-ion: Na4Cl4 carries a net charge of -4 e; the Ewald sum needs a neutral cell"],
            Errors("""
                laqa {
                  composition = Na4Cl4
                  calculator.rigid-ion {
                    charges { Na = 1, Cl = -2 }
                    pairs { Na-Na { a = 0 }, Na-Cl { a = 1254.6, rho = 0.317 }, Cl-Cl { a = 0 } }
                  }
                }
                """));
    }

    [Theory]
    [InlineData("nacl-bmh", "Na4Cl8", "laqa.calculator.preset: Na4Cl8 carries a net charge of -4 e; the Ewald sum needs a neutral cell")]
    [InlineData("al2o3-bush", "Al4O4", "laqa.calculator.preset: Al4O4 carries a net charge of 4 e; the Ewald sum needs a neutral cell")]
    [InlineData("nacl-bmh", "Na4O2", "laqa.calculator.preset: no charge for species O of the composition Na4O2")]
    [InlineData("si-tersoff", "Si4O8", "laqa.calculator.preset: no Tersoff parameters for species O of the composition Si4O8")]
    public void APresetThatCannotEvaluateTheCompositionIsAnError(string preset, string composition, string expected)
    {
        Assert.Equal([expected], Errors($"laqa {{ composition = {composition}, calculator.preset = {preset} }}"));
    }

    [Theory]
    [InlineData("preset = si-sw")]
    [InlineData("lennard-jones.pairs { Si-Si { epsilon = 1, sigma = 2, cutoff = 5 } }")]
    public void AnUnknownKeepFilesIsAnErrorWithACalculatorThatKeepsNone(string calculator)
    {
        Assert.Equal(["laqa.calculator.keep-files: unknown value \"some\"; expected one of all, failed, none"],
            Errors($"laqa {{ composition = Si8, calculator {{ {calculator}, keep-files = some }} }}"));
    }

    [Theory]
    [InlineData("charges { Na = 1e300, Cl = -1 }", "laqa.calculator.rigid-ion.charges.Na: must be at most 8 in magnitude, got 1e300")]
    [InlineData("cutoff = 1e300", "laqa.calculator.rigid-ion.cutoff: must be at most 30, got 1e300")]
    [InlineData("pairs { Na-Cl { a = 1e300, rho = 0.3 } }", "laqa.calculator.rigid-ion.pairs.\"Na-Cl\".a: must be at most 10000000, got 1e300")]
    [InlineData("pairs { Na-Cl { a = 1, rho = 1e300 } }", "laqa.calculator.rigid-ion.pairs.\"Na-Cl\".rho: must be at most 10, got 1e300")]
    [InlineData("pairs { Na-Cl { a = 0, c = -1e300 } }", "laqa.calculator.rigid-ion.pairs.\"Na-Cl\".c: must be at most 10000000 in magnitude, got -1e300")]
    public void AbsurdRigidIonValuesAreAnError(string snippet, string expected)
    {
        Assert.Equal([expected], Errors($$"""
            laqa {
              composition = Na4Cl4
              calculator.rigid-ion { charges { Na = 1, Cl = -1 }, pairs { Na-Na { a = 0 }, Na-Cl { a = 0 }, Cl-Cl { a = 0 } } }
              calculator.rigid-ion { {{snippet}} }
            }
            """));
    }

    [Fact]
    public void EveryProblemOfExplicitRigidIonsIsListedWithItsKey()
    {
        Assert.Equal(
        [
            "laqa.calculator.rigid-ion.charges.Qq: unknown element \"Qq\"",
            "laqa.calculator.rigid-ion.cutoff: must be greater than 0, got 0",
            "laqa.calculator.rigid-ion.pairs.\"Na-Cl\".rho: missing",
            "laqa.calculator.rigid-ion.pairs.\"Cl-K\": K has no charge in laqa.calculator.rigid-ion.charges",
            "laqa.calculator.rigid-ion.pairs.\"Cl-Cl\".sigma: must be at least 0, got -1",
        ], Errors("""
            laqa {
              composition = Na4Cl4
              calculator.rigid-ion {
                charges { Na = 1, Cl = -1, Qq = 2 }
                cutoff = 0
                pairs {
                  "Na-Cl" { a = 1000 }
                  "Cl-K" { a = 0 }
                  "Cl-Cl" { a = 100, rho = 0.3, sigma = -1 }
                }
              }
            }
            """));
    }

    [Theory]
    [InlineData("\"/nonexistent/Si.tersoff\"", "laqa.calculator.lammps-file: cannot read /nonexistent/Si.tersoff:")]
    [InlineData("\"Si.params\"", "laqa.calculator.lammps-file: expected the path of a LAMMPS potential file, *.tersoff (Tersoff) or *.sw (Stillinger-Weber), got \"Si.params\"")]
    public void ALammpsFileThatCannotBeUsedIsAnError(string path, string expected)
    {
        Assert.StartsWith(expected, Assert.Single(Errors($"laqa {{ composition = Si8, calculator.lammps-file = {path} }}")));
    }

    [Fact]
    public void AMalformedLammpsFileIsReportedWithItsLine()
    {
        var folder = Directory.CreateTempSubdirectory("laqa-calculator-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "bad.sw"), "# Si\nSi Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.333 7.04 0.602 4.0 0.0 x\n");
            var error = Assert.Single(Errors("laqa { composition = Si8, calculator.lammps-file = bad.sw }", folder.FullName));
            Assert.Equal($"laqa.calculator.lammps-file: {Path.Combine(folder.FullName, "bad.sw")}, line 2: tol 'x' is not a number", error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void SpeciesTheFileLacksAreAnErrorNamingThem()
    {
        Assert.Equal(
            [$"laqa.calculator.lammps-file: no Tersoff parameters for species Na of the composition Na8"],
            Errors($"laqa {{ composition = Na8, calculator.lammps-file = \"{SiTersoffFile}\" }}"));
    }
}
