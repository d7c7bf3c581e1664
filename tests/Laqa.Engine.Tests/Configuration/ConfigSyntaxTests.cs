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
    public void A_broken_file_is_one_error_naming_its_line(string hocon, string expected)
    {
        Assert.Equal(expected, Error(hocon));
    }

    [Fact]
    public void Blocks_nested_past_the_limit_are_one_error_instead_of_overflowing_the_parsers_stack()
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
    public void Brackets_in_strings_and_comments_do_not_count(string hocon)
    {
        Assert.Equal("Si8", CampaignConfigLoader.Load(hocon).Composition.ToString());
    }

    [Fact]
    public void A_comma_after_a_substitution_is_kept()
    {
        var spec = CampaignConfigLoader.Load("laqa { initial-structures = 12, seed = ${laqa.initial-structures}, composition = Si8 }");
        Assert.Equal(12, spec.Seed);
        Assert.Equal("Si8", spec.Composition.ToString());
    }

    [Fact]
    public void A_comma_after_an_object_separates_fields_as_in_hocon()
    {
        var spec = CampaignConfigLoader.Load("""
            laqa { composition = Si8, relaxer { fmax = 0.02 }, seed = 3, search { nselect = 2 } // a comment
              , generation.space-groups = [1, 2] }
            """);

        Assert.Equal((0.02, 3L, 2), (spec.Relaxer.MaxForce, spec.Seed, spec.Search.Laqa.NSelect));
        Assert.Equal([1, 2], spec.Generation.SpaceGroups);
    }

    [Fact]
    public void The_readme_one_line_rigid_ion_block_loads_as_written()
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
    public void An_include_is_read_from_the_config_folder()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("common.conf"), "laqa.relaxer.fmax = 0.02\n");
        File.WriteAllText(folder.File("campaign.conf"), "include \"common.conf\"\nlaqa { composition = Si8 }\n");

        Assert.Equal(0.02, CampaignConfigLoader.LoadFile(folder.File("campaign.conf")).Relaxer.MaxForce);
    }

    [Fact]
    public void A_missing_include_is_one_line_naming_the_include_and_the_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("campaign.conf"), "laqa { composition = Si8 }\ninclude \"nope.conf\"\n");

        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.LoadFile(folder.File("campaign.conf")));
        Assert.StartsWith($"{folder.File("campaign.conf")}, line 2: include \"nope.conf\": cannot read {folder.File("nope.conf")}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_include_naming_a_folder_is_one_line_saying_so()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("common"));
        File.WriteAllText(folder.File("campaign.conf"), "include \"common\"\nlaqa { composition = Si8 }\n");

        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.LoadFile(folder.File("campaign.conf")));
        Assert.Equal($"{folder.File("campaign.conf")}, line 1: include \"common\": {folder.File("common")} is a folder, not a config file", e.Message);
    }

    [Fact]
    public void A_broken_included_file_names_that_file_and_its_line()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("common.conf"), "laqa.relaxer {\n  fmax = 0.02\n");
        File.WriteAllText(folder.File("campaign.conf"), "include \"common.conf\"\nlaqa { composition = Si8 }\n");

        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.LoadFile(folder.File("campaign.conf")));
        Assert.StartsWith($"{folder.File("common.conf")}, line 1: the '{{' opened here is not closed", e.Message);
    }

    [Fact]
    public void A_file_including_itself_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("campaign.conf"), "include \"campaign.conf\"\nlaqa { composition = Si8 }\n");

        var e = Assert.Throws<LaqaInputException>(() => CampaignConfigLoader.LoadFile(folder.File("campaign.conf")));
        Assert.Contains("includes", e.Message);
    }
}
