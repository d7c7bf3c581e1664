using Laqa.Crystal.IO;
using Laqa.Engine.Journal;
using Xunit;

namespace Laqa.Cli.Tests;

/// <summary>`laqa generate` with a campaign's composition and seed and no other option writes that campaign's initial structures.</summary>
public sealed class GenerateMatchesRunTests(CampaignFolder campaign) : IClassFixture<CampaignFolder>
{
    [Fact]
    public void GenerateWithDefaultOptionsWritesTheInitialStructuresOfACampaignWithDefaultGeneration()
    {
        var run = LaqaProcess.Start(campaign.Root, "generate", "--composition", "Si8", "--spg", "all", "--count", "6", "--seed", "8", "--out", "generated");
        Assert.True(run.ExitCode == 0, run.Error);
        var initial = CampaignRecord.ReadFolder(campaign.Dir).Results.ToDictionary(r => r.Id, r => r.Initial!);
        Assert.Equal(6, initial.Count);
        foreach (var (id, expected) in initial)
        {
            var read = StructureFile.Read(Path.Combine(campaign.Root, "generated", $"{id:D4}.vasp"));
            Assert.Equal(expected.Species.ToArray(), read.Species.ToArray());
            Assert.Equal(expected.Lattice.Volume, read.Lattice.Volume, 1e-4);
            for (var i = 0; i < expected.Count; i++)
                Assert.True((expected.CartesianOf(i) - read.CartesianOf(i)).Norm < 1e-5, $"candidate {id}, atom {i}");
        }
    }
}
