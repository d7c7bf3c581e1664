using Laqa.Engine.Configuration;
using Xunit;

namespace Laqa.Engine.Tests.Configuration;

/// <summary>A campaign's config as a worker node receives it reads back as the same campaign.</summary>
public sealed class HoconTextTests
{
    [Theory]
    [InlineData("config/examples/si8-small.conf")]
    [InlineData("config/examples/si16-tersoff.conf")]
    [InlineData("config/examples/si16-tersoff-rs.conf")]
    [InlineData("config/examples/al2o3-explicit.conf")]
    public void EveryExampleReadFromItsRenderedTextIsTheSameCampaign(string example)
    {
        var spec = CampaignConfigLoader.LoadFile(RepositoryFiles.PathOf(example));

        var received = CampaignConfigLoader.Load(spec.SourceText, spec.SourceDirectory);

        Assert.Equal(spec.Fingerprint, received.Fingerprint);
        Assert.Equal(spec, received);
    }

    [Fact]
    public void QuotesBackslashesBracesAndListsSurviveTheRoundTrip()
    {
        const string text = """
            laqa {
              composition = "Na8Cl8"
              generation.space-groups = [1, "75-142", 227]
              calculator.preset = nacl-bmh
              persistence.sqlite-file = "odd \"name\" \\ with {braces}, commas and ünïcode.db"
              workers.batch-timeout = 2h
            }
            akka.cluster.split-brain-resolver.stable-after = 20s
            """;
        var spec = CampaignConfigLoader.Load(text, "/campaigns");

        var received = CampaignConfigLoader.Load(spec.SourceText, spec.SourceDirectory);

        Assert.Equal(spec, received);
        Assert.Equal("odd \"name\" \\ with {braces}, commas and ünïcode.db", received.Persistence.SqliteFile);
        Assert.Equal(TimeSpan.FromHours(2), received.Workers.BatchTimeout);
        Assert.Contains("stable-after", received.SourceText);
    }
}
