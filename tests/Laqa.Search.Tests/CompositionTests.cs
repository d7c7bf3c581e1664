using Laqa.Crystal;
using Laqa.Search.Campaign;

namespace Laqa.Search.Tests;

public class CompositionTests
{
    [Theory]
    [InlineData("Si16", "Si16", 16)]
    [InlineData("Na8Cl8", "Na8Cl8", 16)]
    [InlineData(" SiO2 ", "Si1O2", 3)]
    [InlineData("Sr4C4O12", "Sr4C4O12", 20)]
    public void Parses_formulas(string formula, string written, int atoms)
    {
        var composition = Composition.Parse(formula);
        Assert.Equal((written, atoms), (composition.ToString(), composition.AtomCount));
    }

    [Fact]
    public void Keeps_the_written_order()
    {
        Assert.Equal([new ElementCount("O", 6), new ElementCount("Al", 4)], Composition.Parse("O6Al4").Elements);
    }

    [Theory]
    [InlineData("")]
    [InlineData("si16")]
    [InlineData("Si-16")]
    [InlineData("Si16x")]
    [InlineData("Si0")]
    [InlineData("SiSi")]
    public void Rejects_malformed_formulas(string formula)
    {
        Assert.Throws<LaqaInputException>(() => Composition.Parse(formula));
    }
}
