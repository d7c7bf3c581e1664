using Xunit;
using Laqa.Crystal;
using Laqa.Engine.Configuration;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Tests.Configuration;

/// <summary>The syntax of a campaign file: strict where Akka's parser is lenient, and HOCON's commas after objects accepted.</summary>
public class ConfigSyntaxTests
{
    private static string Error(string hocon, string? baseDirectory = null) =>
        Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.Load(hocon, baseDirectory)).Message;

    [Theory]
    [InlineData("laqa {\n  composition = Si8\n  relaxer {\n    fmax = 0.01\n", "campaign config, line 3: the '{' opened here is not closed by the end of the file (line 5): the file is cut off or misses a '}'")]
    [InlineData("laqa {\n  composition = Si8\n  relaxer { fmax = 0.01 }\n", "campaign config, line 1: the '{' opened here is not closed by the end of the file (line 4): the file is cut off or misses a '}'")]
    [InlineData("laqa { composition = Si8 }\n}}}} garbage ]\n", "campaign config, line 2: '}' without a matching '{'")]
    [InlineData("laqa { composition = Si8 }\ngarbage ]\n", "campaign config, line 2: ']' without a matching '['")]
    [InlineData("laqa {\n  composition = Si8\n  generation.space-groups = [1, 2}\n}", "campaign config, line 3: '}' closes the '[' opened at line 3")]
    [InlineData("laqa {\n  composition = \"Si8\n}", "campaign config, line 2: the \" string opened here is not closed on its line")]
    [InlineData("laqa {\n  composition = \"\"\"Si8\n}", "campaign config, line 2: the \"\"\" string opened here is not closed")]
    [InlineData("laqa {\n  composition = Si8\n  relaxer { fmax = 0.01 },, seed = 3\n}", "campaign config, line 3: Unknown token")]
    public void ABrokenFileIsOneErrorNamingItsLine(string hocon, string expected)
    {
        Assert.Equal(expected, Error(hocon));
    }

    [Fact]
    public void BlocksNestedPastTheLimitAreOneErrorInsteadOfOverflowingTheParsersStack()
    {
        string Nested(int depth) => "laqa { composition = Si8 }\nx = " + string.Concat(Enumerable.Repeat("{ a = ", depth)) + "1" + new string('}', depth) + "\n";

        Assert.Equal("campaign config, line 2: more than 100 nested '{' and '['", Error(Nested(20000)));
        // At the limit (with laqa's own block beside, not around it) the file parses, and only the unknown key is left.
        Assert.StartsWith("the campaign config: ", Error(Nested(99).Replace("laqa { composition = Si8 }\n", "")));
    }

    [Theory]
    [InlineData("laqa { composition = Si8 # { [ \"\n }")]
    [InlineData("laqa { composition = Si8 // }}} ]\n }")]
    [InlineData("laqa { composition = \"\"\"Si8\"\"\", persistence.sqlite-file = \"a}b].db\" }")]
    [InlineData("laqa { composition = Si8, persistence.sqlite-file = \"a\\\"}.db\" }")]
    public void BracketsInStringsAndCommentsDoNotCount(string hocon)
    {
        Assert.Equal("Si8", CampaignConfigLoader.Load(hocon).Composition.ToString());
    }

    [Fact]
    public void ACommaAfterASubstitutionIsKept()
    {
        var spec = CampaignConfigLoader.Load("laqa { initial-structures = 12, seed = ${laqa.initial-structures}, composition = Si8 }");
        Assert.Equal(12, spec.Seed);
        Assert.Equal("Si8", spec.Composition.ToString());
    }

    [Fact]
    public void ACommaAfterAnObjectSeparatesFieldsAsInHocon()
    {
        var spec = CampaignConfigLoader.Load("""
            laqa { composition = Si8, relaxer { fmax = 0.02 }, seed = 3, search { nselect = 2 } // a comment
              , generation.space-groups = [1, 2] }
            """);

        Assert.Equal((0.02, 3L, 2), (spec.Relaxer.MaxForce, spec.Seed, spec.Search.Laqa.NSelect));
        Assert.Equal([1, 2], spec.Generation.SpaceGroups);
    }

    [Fact]
    public void TheReadmeOneLineRigidIonBlockLoadsAsWritten()
    {
        var spec = CampaignConfigLoader.Load("""
            laqa {
              composition = Na4Cl4
              calculator.rigid-ion { charges { Na = 1, Cl = -1 }, cutoff = 10, pairs { "Na-Cl" { a = 1254.6, rho = 0.317, sigma = 0, c = 0, d = 0 }, "Na-Na" { a = 0 }, "Cl-Cl" { a = 0 } } }
            }
            """);

        var rigidIon = Assert.IsType<RigidIonCalculatorSpec>(spec.Calculator);
        Assert.Equal([new IonChargeSpec("Cl", -1), new IonChargeSpec("Na", 1)], rigidIon.Charges);
        Assert.Equal(3, rigidIon.Pairs.Count);
    }

    [Fact]
    public void AnIncludeIsReadFromTheConfigFolder()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("common.conf"), "laqa.relaxer.fmax = 0.02\n");
        File.WriteAllText(folder.File("campaign.conf"), "include \"common.conf\"\nlaqa { composition = Si8 }\n");

        Assert.Equal(0.02, CampaignConfigLoader.LoadFile(folder.File("campaign.conf")).Relaxer.MaxForce);
    }

    [Fact]
    public void AMissingIncludeIsOneLineNamingTheIncludeAndTheFile()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("campaign.conf"), "laqa { composition = Si8 }\ninclude \"nope.conf\"\n");

        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.LoadFile(folder.File("campaign.conf")));
        Assert.StartsWith($"{folder.File("campaign.conf")}, line 2: include \"nope.conf\": cannot read {folder.File("nope.conf")}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void AnIncludeNamingAFolderIsOneLineSayingSo()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("common"));
        File.WriteAllText(folder.File("campaign.conf"), "include \"common\"\nlaqa { composition = Si8 }\n");

        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.LoadFile(folder.File("campaign.conf")));
        Assert.Equal($"{folder.File("campaign.conf")}, line 1: include \"common\": {folder.File("common")} is a folder, not a config file", e.Message);
    }

    [Fact]
    public void ABrokenIncludedFileNamesThatFileAndItsLine()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("common.conf"), "laqa.relaxer {\n  fmax = 0.02\n");
        File.WriteAllText(folder.File("campaign.conf"), "include \"common.conf\"\nlaqa { composition = Si8 }\n");

        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.LoadFile(folder.File("campaign.conf")));
        Assert.StartsWith($"{folder.File("common.conf")}, line 1: the '{{' opened here is not closed", e.Message);
    }

    [Fact]
    public void AFileIncludingItselfIsRefused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("campaign.conf"), "include \"campaign.conf\"\nlaqa { composition = Si8 }\n");

        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.LoadFile(folder.File("campaign.conf")));
        Assert.Contains("includes", e.Message);
    }
}
