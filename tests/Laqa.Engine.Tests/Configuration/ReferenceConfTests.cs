using Xunit;
using Akka.Configuration;
using Laqa.Engine.Configuration;
using Laqa.Search;
using Laqa.Search.Campaign;

namespace Laqa.Engine.Tests.Configuration;

public class ReferenceConfTests
{
    [Fact]
    public void EmbeddedReferenceIsTheRepositoryFile()
    {
        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("config/reference.conf")), CampaignConfigLoader.ReferenceText);
    }

    [Fact]
    public void ReferenceDefaultsEqualTheRecordDefaults()
    {
        var spec = CampaignConfigLoader.Load("laqa.composition = Si8");

        Assert.Equal("Si8", spec.Composition.ToString());
        Assert.Equal(GenerationSpec.Default, spec.Generation);
        Assert.Equal(CalculatorSpec.Default, spec.Calculator);
        Assert.Equal(RelaxerSpec.Default, spec.Relaxer);
        Assert.Equal(SearchSpec.Default, spec.Search);
        Assert.Equal(new LaqaWeights(), spec.Search.Laqa.Weights);
        Assert.Equal(WorkerSpec.Default, spec.Workers);
        Assert.Equal(PersistenceSpec.Default, spec.Persistence);
        Assert.Equal(StopCriteria.Default, spec.Stop);
        Assert.Equal(DuplicateSpec.Default, spec.Duplicates);
    }

    [Fact]
    public void ReferenceUnitsAreConvertedFromGPa()
    {
        var spec = CampaignConfigLoader.Load("laqa { composition = Si8, relaxer { smax = 1.6021766208, pressure = -160.21766208 } }");

        Assert.Equal(0.01, spec.Relaxer.MaxStress, 15);
        Assert.Equal(-1.0, spec.Relaxer.ExternalPressure, 15);
    }

    [Fact]
    public void EveryReferenceKeyHasACommentLineAboveIt()
    {
        var lines = CampaignConfigLoader.ReferenceText.Split('\n').Select(l => l.Trim()).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains('=') || lines[i].StartsWith('#')) continue;
            Assert.True(i > 0 && lines[i - 1].StartsWith('#'), $"reference.conf line {i + 1} \"{lines[i]}\" has no comment above it");
        }
    }

    /// <summary>The calculator keys are a choice of one source; <see cref="CalculatorConfigTests"/> checks each source's keys are fingerprinted.</summary>
    [Fact]
    public void FingerprintCoversEveryKeyExceptThoseAllowedToChangeOnResume()
    {
        var resumable = new[] { "laqa.workers.", "laqa.persistence.", "laqa.stop.", "laqa.cluster.", "laqa.calculator." };
        var referenceKeys = LeafPaths(ConfigurationFactory.ParseString(CampaignConfigLoader.ReferenceText).GetValue("laqa"), "laqa")
            .Where(k => !resumable.Any(k.StartsWith))
            .Order(StringComparer.Ordinal);

        // Duplicate pruning and the rattle enter the fingerprint only when enabled, as campaigns made before they existed had none.
        var spec = CampaignConfigLoader.Load("laqa { composition = Si8, duplicates.enabled = true, generation.rattle.displacement = 0.05 }");
        var fingerprinted = spec.DefiningSettings.Select(line => line[..line.IndexOf(" = ", StringComparison.Ordinal)])
            .Where(k => !k.StartsWith("laqa.calculator.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(referenceKeys, fingerprinted);
    }

    private static IEnumerable<string> LeafPaths(Akka.Configuration.Hocon.HoconValue node, string path)
    {
        if (!node.IsObject())
            return [path];
        var items = node.GetObject().Items;
        return items.Count == 0 ? [] : items.SelectMany(kv => LeafPaths(kv.Value, $"{path}.{kv.Key}"));
    }
}
