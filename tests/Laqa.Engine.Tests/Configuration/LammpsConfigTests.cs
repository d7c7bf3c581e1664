using System.Security.Cryptography;
using Xunit;
using Laqa.Calculators.Lammps;
using Laqa.Crystal;
using Laqa.Engine.Configuration;
using Laqa.Engine.Hosting;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Tests.Configuration;

/// <summary>laqa.calculator.lammps: every setting read and fingerprinted with the potential files' SHA-256; bad input one line naming the key or file.</summary>
public class LammpsConfigTests
{
    private const string Potentials = "/usr/share/lammps/potentials";

    private static string[] Errors(string hocon)
    {
        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.Load(hocon));
        return e.Message.Split('\n');
    }

    [Fact]
    public void ALammpsBlockReadsEverySettingAndHashesEachFile()
    {
        var spec = CampaignConfigLoader.Load($$"""
            laqa { composition = Na4Cl4, calculator.lammps {
              pair-style = "buck/coul/long 8.0", kspace-style = "ewald 1e-6", masses { Na = 23 }, charges { Na = 1, Cl = -1 },
              pair-coeff = ["1 1 7895.4 0.1709 29.06", "1 2 1795.6 0.3145 0", "2 2 3535.0 0.3072 72.4"] } }
            """).Calculator;

        var lammps = Assert.IsType<LammpsCalculatorSpec>(spec);
        Assert.Equal([new LammpsMassSpec("Na", 23), new LammpsMassSpec("Cl", Elements.Get("Cl").Mass)], lammps.Types);
        Assert.Equal("buck/coul/long 8.0", lammps.PairStyle);
        Assert.Equal(["1 1 7895.4 0.1709 29.06", "1 2 1795.6 0.3145 0", "2 2 3535.0 0.3072 72.4"], lammps.PairCoeff);
        Assert.Equal([new IonChargeSpec("Na", 1), new IonChargeSpec("Cl", -1)], lammps.Charges!);
        Assert.Equal("ewald 1e-6", lammps.KSpaceStyle);
        var settings = Assert.IsType<LammpsCalculator>(CampaignCalculator.Create(spec)).Settings;
        Assert.Equal(["Na", "Cl"], settings.Types);
        Assert.Equal(-1, settings.Charges!["Cl"]);
    }

    [Fact]
    public void AFileNamedInPairCoeffBecomesItsFullPathAndItsBytesDefineTheCampaign()
    {
        using var folder = new TempFolder();
        File.Copy($"{Potentials}/Cu_zhou.eam.alloy", folder.File("Cu.eam.alloy"));
        File.WriteAllText(folder.File("cu.conf"), """laqa { composition = Cu4, calculator.lammps { pair-style = eam/alloy, pair-coeff = ["* * Cu.eam.alloy Cu"], files = ["Cu.eam.alloy"] } }""");
        var spec = CampaignConfigLoader.LoadFile(folder.File("cu.conf"));

        var lammps = Assert.IsType<LammpsCalculatorSpec>(spec.Calculator);
        Assert.Equal([$"* * {folder.File("Cu.eam.alloy")} Cu"], lammps.PairCoeff);
        Assert.Equal([new LammpsPotentialFileSpec(folder.File("Cu.eam.alloy"), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(folder.File("Cu.eam.alloy")))))], lammps.Files);
        Assert.Contains($"laqa.calculator.lammps.files.{folder.File("Cu.eam.alloy")}.sha256 = {lammps.Files[0].Sha256}", spec.DefiningSettings);

        // One more comment line in the header: the same physics, another file, another campaign.
        File.WriteAllText(folder.File("Cu.eam.alloy"), "#" + File.ReadAllText(folder.File("Cu.eam.alloy")));
        Assert.NotEqual(spec.Fingerprint, CampaignConfigLoader.LoadFile(folder.File("cu.conf")).Fingerprint);
    }

    [Theory]
    [InlineData("Cu4", "pair-coeff = [\"* *\"]", "laqa.calculator.lammps.pair-style: required: the pair style and its arguments, e.g. \"eam/alloy\"")]
    [InlineData("Cu4", "pair-style = eam/alloy", "laqa.calculator.lammps.pair-coeff: expected a list of pair_coeff lines without the command, e.g. [\"* * Cu_zhou.eam.alloy Cu\"]")]
    [InlineData("Cu4", "pair-style = eam/alloy, pair-coeff = [\"* * Cu.eam.alloy Cu\"], files = [/no/Cu.eam.alloy]", "laqa.calculator.lammps.files: cannot read /no/Cu.eam.alloy: no such file")]
    [InlineData("Cu4", "pair-style = eam, pair-coeff = [\"* * x\"], masses { Ag = 107 }", "laqa.calculator.lammps.masses.Ag: Ag is not in laqa.composition (Cu)")]
    [InlineData("Na1Cl1", "pair-style = buck, pair-coeff = [\"* * 1 1 1\"], charges { Na = 1 }", "laqa.calculator.lammps.charges: no charge for Cl: with charges, give one per element of laqa.composition")]
    [InlineData("Cu4", "pair-style = eam, pair-coeff = [\"* * x\"], unit = metal", "laqa.calculator.lammps.unit: unknown key (did you mean units?)")]
    [InlineData("Cu4", "pair-style = \"lj/cut\", pair-coeff = [\"1 1 0.1\"]",
        "laqa.calculator.lammps: LAMMPS: ERROR: Illegal pair_style command (src/pair_lj_cut.cpp:424) (Last command: pair_style lj/cut); atom types 1, 2, ... are Cu")]
    public void BadLammpsInputIsOneLineNamingTheKeyOrFile(string composition, string lammps, string expected)
    {
        Assert.Equal([expected], Errors($$"""laqa { composition = {{composition}}, calculator.lammps { {{lammps}} } }"""));
    }

    [Fact]
    public void EveryLammpsSettingIsFingerprinted()
    {
        var keys = Akka.Configuration.ConfigurationFactory.ParseString(CampaignConfigLoader.ReferenceText).GetValue("laqa.calculator.lammps").GetObject().Items.Keys;
        var lines = CampaignConfigLoader.Load($$"""
            laqa { composition = Na1Cl1, calculator.lammps {
              pair-style = "buck/coul/long 6.0", kspace-style = "ewald 1e-6", charges { Na = 1, Cl = -1 }, files = ["{{Potentials}}/Cu_zhou.eam.alloy"],
              pair-coeff = ["1 1 7895.4 0.1709 29.06", "1 2 1795.6 0.3145 0", "2 2 3535.0 0.3072 72.4"] } }
            """).DefiningSettings;

        foreach (var key in keys)
            Assert.Contains(lines, l => l.StartsWith($"laqa.calculator.lammps.{key}", StringComparison.Ordinal));
    }
}
