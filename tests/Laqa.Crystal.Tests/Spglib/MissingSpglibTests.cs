using Laqa.Crystal.Spglib;
using Xunit;

namespace Laqa.Crystal.Tests.Spglib;

public sealed class MissingSpglibTests
{
    private const string AbsentLibrary = "libsymspg-absent-for-test.so.1";

    [Fact]
    public void AnalysisReportsUnknownAndWarnsOnceWhenTheLibraryIsMissing()
    {
        var warnings = new StringWriter();
        var spglib = new SpglibLibrary(AbsentLibrary, warnings);
        var diamond = KnownStructures.DiamondSi();

        var first = spglib.Analyze(diamond);
        var second = spglib.Analyze(KnownStructures.RockSalt(), 0.1);

        Assert.False(spglib.IsAvailable);
        foreach (var dataset in new[] { first, second })
        {
            Assert.False(dataset.IsKnown);
            Assert.Equal(0, dataset.SpaceGroupNumber);
            Assert.Equal("unknown", dataset.InternationalSymbol);
            Assert.Empty(dataset.Operations);
            Assert.Null(dataset.Standardized);
        }
        Assert.Equal($"spglib ({AbsentLibrary}) not found: symmetry reported as unknown{Environment.NewLine}", warnings.ToString());
    }

    [Fact]
    public void CellsAreReturnedUnchangedWhenTheLibraryIsMissing()
    {
        var spglib = new SpglibLibrary(AbsentLibrary, TextWriter.Null);
        var diamond = KnownStructures.DiamondSi();

        Assert.Same(diamond, spglib.Primitive(diamond));
        Assert.Same(diamond, spglib.Standardized(diamond));
        Assert.Empty(spglib.OperationsOfHallNumber(525));
    }

    [Fact]
    public void LibraryLoadedByItsSonameAnalysesWithoutWarning()
    {
        var warnings = new StringWriter();
        var spglib = new SpglibLibrary(SpglibLibrary.DefaultName, warnings);

        Assert.Equal(227, spglib.Analyze(KnownStructures.DiamondSi()).SpaceGroupNumber);
        Assert.Equal("", warnings.ToString());
    }
}
