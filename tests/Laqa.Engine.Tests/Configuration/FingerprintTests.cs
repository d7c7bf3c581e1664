using Xunit;
using Laqa.Engine.Configuration;

namespace Laqa.Engine.Tests.Configuration;

public class FingerprintTests
{
    private const string Base = "laqa { composition = Si8, initial-structures = 20, seed = 5 }\n";

    private static string FingerprintOf(string extra) => CampaignConfigLoader.Load(Base + extra).Fingerprint;

    [Theory]
    [InlineData("laqa.workers { count = 7, batch-timeout = 1h, max-retries = 9, prefetch = 3 }")]
    [InlineData("laqa.stop.max-total-steps = 1234")]
    [InlineData("laqa.persistence.sqlite-file = \"other.db\"")]
    [InlineData("laqa.composition = \"Si8\"")]
    [InlineData("laqa.generation.space-groups = \"1-230\"")]
    [InlineData("laqa.search.algorithm = laqa")]
    [InlineData("laqa.duplicates.enabled = false")]
    [InlineData("laqa.duplicates { enabled = false, energy-tolerance = 0.5, distance-tolerance = 0.5 }")]
    [InlineData("laqa.generation.rattle { displacement = 0, strain = 0 }")]
    public void SettingsAllowedToChangeOnResumeKeepTheFingerprint(string extra)
    {
        Assert.Equal(FingerprintOf(""), FingerprintOf(extra));
    }

    [Theory]
    [InlineData("laqa.composition = Si16")]
    [InlineData("laqa.initial-structures = 21")]
    [InlineData("laqa.seed = 6")]
    [InlineData("laqa.generation.space-groups = [227]")]
    [InlineData("laqa.generation.min-distance.factor = 0.7")]
    [InlineData("laqa.generation.min-distance.pairs { Si-Si = 2.0 }")]
    [InlineData("laqa.generation.volume.factor = 1.2")]
    [InlineData("laqa.generation.cell = primitive")]
    [InlineData("laqa.generation.rattle.displacement = 0.05")]
    [InlineData("laqa.generation.rattle.strain = 0.01")]
    [InlineData("laqa.calculator.preset = si-sw")]
    [InlineData("laqa.calculator.lammps-file = \"/usr/share/lammps/potentials/Si.tersoff\"")]
    [InlineData("laqa.calculator.lennard-jones.pairs { Si-Si { epsilon = 1, sigma = 2, cutoff = 5 } }")]
    [InlineData("laqa.relaxer.algorithm = bfgs")]
    [InlineData("laqa.relaxer.steps-per-batch = 11")]
    [InlineData("laqa.relaxer.fmax = 0.01")]
    [InlineData("laqa.relaxer.smax = 0.2")]
    [InlineData("laqa.relaxer.pressure = 1")]
    [InlineData("laqa.search.algorithm = rs")]
    [InlineData("laqa.search.algorithm = race")]
    [InlineData("laqa.search.max-steps-per-candidate = 999")]
    [InlineData("laqa.search.nselect = 11")]
    [InlineData("laqa.search.mode = async")]
    [InlineData("laqa.search.weights.force = 0.2")]
    [InlineData("laqa.search.weights.stress = 1")]
    [InlineData("laqa.duplicates.enabled = true")]
    public void CampaignDefiningSettingsChangeTheFingerprint(string extra)
    {
        Assert.NotEqual(FingerprintOf(""), FingerprintOf(extra));
    }

    [Fact]
    public void FingerprintIsTheSha256OfTheDefiningSettings()
    {
        var spec = CampaignConfigLoader.Load(Base);
        var text = string.Join('\n', spec.DefiningSettings);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), spec.Fingerprint);
        Assert.Contains("laqa.seed = 5", spec.DefiningSettings);
        Assert.Contains("laqa.relaxer.smax = 0.1", spec.DefiningSettings);
    }

    [Theory]
    [InlineData("energy-tolerance = 0.002")]
    [InlineData("distance-tolerance = 0.01")]
    public void DuplicateTolerancesChangeTheFingerprintWhenPruningIsEnabled(string tolerance)
    {
        Assert.NotEqual(FingerprintOf("laqa.duplicates.enabled = true"), FingerprintOf($"laqa.duplicates {{ enabled = true, {tolerance} }}"));
    }
}
