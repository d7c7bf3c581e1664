namespace Laqa.Crystal.Tests;

public class CompositionTests
{
    private static readonly string[] Good =
        ["Li12P4S16", "Si16", "Na8Cl8", "NaCl", "Al4O6", "Sr4C4O12", "Na8 Cl8", "  Si2 ", "H2O", "CO", "Co", "CoO", "Si08", "U3Pu"];

    [Fact]
    public void GoodFormulasAgreeWithPymatgen()
    {
        var reference = PythonReference.Run("""
            import json, sys
            from pymatgen.core import Composition
            out = []
            for text in json.load(sys.stdin):
                c = Composition(text)
                reduced, units = c.get_reduced_composition_and_factor()
                out.append({"symbols": [str(e) for e in c.elements], "counts": [c[e] for e in c.elements],
                             "reduced": [reduced[e] for e in c.elements], "units": units, "atoms": c.num_atoms})
            print(json.dumps(out))
            """, Good);
        for (var k = 0; k < Good.Length; k++)
        {
            var parsed = Composition.Parse(Good[k]);
            var expected = reference[k];
            Assert.Equal(expected.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()!), parsed.Symbols);
            Assert.Equal(expected.GetProperty("counts").Doubles(), parsed.Species.Select(s => (double)s.Count));
            Assert.Equal(expected.GetProperty("reduced").Doubles(), parsed.Reduced().Species.Select(s => (double)s.Count));
            Assert.Equal(expected.GetProperty("units").GetDouble(), parsed.FormulaUnits);
            Assert.Equal(expected.GetProperty("atoms").GetDouble(), parsed.TotalAtoms);
        }
    }

    [Theory]
    [InlineData("Li12P4S16", "Li12P4S16", "Li3PS4", 32, "Li,P,S")]
    [InlineData("Na8 Cl8", "Na8Cl8", "NaCl", 16, "Na,Cl")]
    [InlineData("NaCl", "Na1Cl1", "NaCl", 2, "Na,Cl")]
    [InlineData("Sr4C4O12", "Sr4C4O12", "SrCO3", 20, "Sr,C,O")]
    [InlineData("OSi2", "O1Si2", "OSi2", 3, "O,Si")]
    public void FormulasKeepTheWrittenOrder(string text, string formula, string reduced, int atoms, string order)
    {
        var c = Composition.Parse(text);
        Assert.Equal(formula, c.Formula());
        Assert.Equal(reduced, c.ReducedFormula());
        Assert.Equal(atoms, c.TotalAtoms);
        Assert.Equal(order.Split(','), c.Symbols);
        Assert.Equal(order.Split(',').Select(c.IndexOf), Enumerable.Range(0, c.Species.Length));
        Assert.Equal(c, Composition.Parse(c.Formula()));
    }

    [Fact]
    public void FormulaAgreesWithAStructureBuiltFromTheAtomSymbols()
    {
        var c = Composition.Parse("Li12P4S16");
        var symbols = c.AtomSymbols().ToArray();
        var s = new Structure(Lattice.Cubic(10), symbols, symbols.Select((_, i) => new Vec3(i / 32.0, 0, 0)));
        Assert.Equal(s.Formula(), c.Formula());
        Assert.Equal(s.ReducedFormula(), c.ReducedFormula());
        Assert.Equal(s.Composition(), c.Species);
    }

    [Theory]
    [InlineData("", "composition is empty")]
    [InlineData("   ", "composition is empty")]
    [InlineData("Xx2", "composition 'Xx2': unknown element 'Xx'")]
    [InlineData("Si8Qq", "composition 'Si8Qq': unknown element 'Qq'")]
    [InlineData("Sii2", "composition 'Sii2': unknown element 'Sii'")]
    [InlineData("si8", "composition 'si8': 'si' must start with an uppercase letter (element symbols are written like Si, Cl)")]
    [InlineData("Si8x", "composition 'Si8x': 'x' must start with an uppercase letter (element symbols are written like Si, Cl)")]
    [InlineData("Si0", "composition 'Si0': count '0' of Si is zero; counts must be positive")]
    [InlineData("Na8Cl00", "composition 'Na8Cl00': count '00' of Cl is zero; counts must be positive")]
    [InlineData("Si-2", "composition 'Si-2': count '-2' of Si is negative; counts must be positive")]
    [InlineData("Si1.5", "composition 'Si1.5': count '1.5' of Si is not a whole number")]
    [InlineData("Si1-2", "composition 'Si1-2': count '1-2' of Si is malformed")]
    [InlineData("Si99999999999", "composition 'Si99999999999': count '99999999999' of Si is too large")]
    [InlineData("Si100000000", "composition 'Si100000000': 100000000 atoms in the cell; at most 500 atoms per cell")]
    [InlineData("Si2000000000O2000000000", "composition 'Si2000000000O2000000000': 4000000000 atoms in the cell; at most 500 atoms per cell")]
    [InlineData("Na250Cl251", "composition 'Na250Cl251': 501 atoms in the cell; at most 500 atoms per cell")]
    [InlineData("Si8!", "composition 'Si8!': unexpected '!' at position 4")]
    [InlineData("Si8,O16", "composition 'Si8,O16': unexpected ',' at position 4")]
    [InlineData("(OH)2", "composition '(OH)2': unexpected '(' at position 1")]
    [InlineData("8Si", "composition '8Si': count '8' does not follow an element symbol")]
    [InlineData("Si 8", "composition 'Si 8': count '8' does not follow an element symbol")]
    [InlineData("SiO2Si", "composition 'SiO2Si': element 'Si' appears twice; give each element once")]
    public void BadFormulasNameTheOffendingToken(string text, string message) =>
        Assert.Equal(message, Assert.Throws<LaqaInputException>(() => Composition.Parse(text)).Message);

    [Fact]
    public void ConstructorValidatesLikeTheParser()
    {
        Assert.Equal("unknown element 'Xx'", Assert.Throws<LaqaInputException>(() => new Composition([("Xx", 1)])).Message);
        Assert.Equal("composition has count 0 for Si; counts must be positive",
            Assert.Throws<LaqaInputException>(() => new Composition([("Si", 0)])).Message);
        Assert.Equal("composition lists element 'O' twice; give each element once",
            Assert.Throws<LaqaInputException>(() => new Composition([("O", 1), ("O", 2)])).Message);
        Assert.Equal("composition is empty", Assert.Throws<LaqaInputException>(() => new Composition([])).Message);
    }
}
