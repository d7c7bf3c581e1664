namespace Laqa.Crystal.Tests;

public class ElementsTests
{
    [Fact]
    public void TableMatchesAseDataForEveryElement()
    {
        var ase = PythonReference.Run("""
            import json, ase.data as d
            print(json.dumps([[d.chemical_symbols[z], z, float(d.atomic_masses[z]), float(d.covalent_radii[z])] for z in range(1, 97)]))
            """);
        Assert.Equal(96, Elements.All.Count);
        foreach (var row in ase.EnumerateArray())
        {
            var symbol = row[0].GetString()!;
            var element = Elements.Get(symbol);
            Assert.Equal(row[1].GetInt32(), element.AtomicNumber);
            Assert.Equal(row[2].GetDouble(), element.Mass, 1e-3);
            Assert.Equal(row[3].GetDouble(), element.CovalentRadius, 1e-9);
            Assert.Same(element, Elements.Get(element.AtomicNumber));
        }
    }

    [Theory]
    [InlineData("Xx", "unknown element 'Xx'")]
    [InlineData("", "unknown element ''")]
    [InlineData("si", "unknown element 'si' (element symbols are case-sensitive: did you mean 'Si'?)")]
    [InlineData("SI", "unknown element 'SI' (element symbols are case-sensitive: did you mean 'Si'?)")]
    public void UnknownSymbolIsAnInputErrorNamingIt(string symbol, string message)
    {
        var e = Assert.Throws<LaqaInputException>(() => Elements.Get(symbol));
        Assert.Equal(message, e.Message);
        Assert.False(Elements.TryGet(symbol, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(97)]
    public void AtomicNumberOutsideTheTableIsAnInputError(int z) =>
        Assert.Contains($"atomic number {z}", Assert.Throws<LaqaInputException>(() => Elements.Get(z)).Message);
}
