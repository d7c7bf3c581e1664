using System.Text.Json;
using Laqa.Crystal.Spglib;
using Xunit;

namespace Laqa.Crystal.Tests.Spglib;

public sealed class SymmetryAnalyzerTests(SpglibReferenceFixture reference) : IClassFixture<SpglibReferenceFixture>
{
    [Theory]
    [InlineData("diamond", 227, "Fd-3m", "a")]
    [InlineData("rocksalt", 225, "Fm-3m", "ab")]
    [InlineData("hcp", 194, "P6_3/mmc", "c")]
    [InlineData("wurtzite", 186, "P6_3mc", "b")]
    [InlineData("rutile", 136, "P4_2/mnm", "af")]
    [InlineData("corundum", 167, "R-3c", "ce")]
    [InlineData("triclinic", 1, "P1", "a")]
    public void TextbookStructuresHaveTheirInternationalTablesGroupAndWyckoffSites(string name, int number, string symbol, string wyckoffLetters)
    {
        var structure = reference.Cases.Single(c => c.Name == name).Structure;

        var dataset = SymmetryAnalyzer.Analyze(structure);

        Assert.True(dataset.IsKnown, dataset.Failure);
        Assert.Equal(number, dataset.SpaceGroupNumber);
        Assert.Equal(symbol, dataset.InternationalSymbol);
        Assert.Equal(wyckoffLetters, string.Concat(dataset.WyckoffLetters.Distinct()));
    }

    [Theory]
    [InlineData("diamond", 192)]
    [InlineData("rocksalt", 192)]
    [InlineData("hcp", 24)]
    [InlineData("wurtzite", 12)]
    [InlineData("rutile", 16)]
    [InlineData("corundum", 36)]
    [InlineData("triclinic", 1)]
    public void EveryOperationFoundMapsTheCrystalOntoItself(string name, int expectedOperations)
    {
        var structure = reference.Cases.Single(c => c.Name == name).Structure;

        var dataset = SymmetryAnalyzer.Analyze(structure);

        Assert.Equal(expectedOperations, dataset.Operations.Length);
        foreach (var op in dataset.Operations)
            for (var i = 0; i < structure.Count; i++)
            {
                var image = op.Apply(structure.Fractional[i]);
                var j = dataset.EquivalentAtoms[i];
                Assert.Contains(Enumerable.Range(0, structure.Count), k =>
                    structure.Species[k] == structure.Species[i] && dataset.EquivalentAtoms[k] == j &&
                    StructureAssert.PeriodicDistance(structure.Lattice, image, structure.Fractional[k]) < 1e-6);
            }
    }

    [Fact]
    public void DatasetsMatchPythonSpglibOnDisplacedRotatedSupercells()
    {
        var mismatches = new List<string>();
        for (var c = 0; c < reference.Cases.Count; c++)
        {
            var (name, structure, symprec) = reference.Cases[c];
            var expected = reference.Datasets[c];
            var actual = SymmetryAnalyzer.Analyze(structure, symprec);
            void Check(bool same, string what) { if (!same) mismatches.Add($"{name}: {what}"); }

            Check(actual.SpaceGroupNumber == expected.GetProperty("number").GetInt32(), $"number {actual.SpaceGroupNumber}");
            if (!actual.IsKnown)
            {
                Check(actual.Failure is not null && SymmetryAnalyzer.Primitive(structure, symprec) == structure, "unknown result");
                continue;
            }
            Check(actual.InternationalSymbol == expected.GetProperty("international").GetString(), "international symbol");
            Check(actual.HallNumber == expected.GetProperty("hall_number").GetInt32(), "Hall number");
            Check(actual.HallSymbol == expected.GetProperty("hall").GetString(), "Hall symbol");
            Check(actual.Choice == expected.GetProperty("choice").GetString(), "choice");
            Check(actual.PointGroup == expected.GetProperty("pointgroup").GetString(), "point group");
            Check(string.Concat(actual.WyckoffLetters) == string.Concat(Strings(expected, "wyckoffs")), "Wyckoff letters");
            Check(actual.SiteSymmetrySymbols.SequenceEqual(Strings(expected, "site_symmetry_symbols")), "site symmetries");
            Check(actual.EquivalentAtoms.SequenceEqual(expected.GetProperty("equivalent_atoms").EnumerateArray().Select(e => e.GetInt32())), "equivalent atoms");
            Check(SameOperations(actual.Operations, expected), "operations");
            Check(Close(Flatten(actual.TransformationMatrix), Numbers(expected, "transformation_matrix")), "transformation matrix");
            Check(Close([actual.OriginShift.X, actual.OriginShift.Y, actual.OriginShift.Z], Numbers(expected, "origin_shift")), "origin shift");
            Check(Close(Flatten(actual.Standardized!.Lattice.Matrix), Numbers(expected, "std_lattice")), "standardized lattice");
            Check(Close([.. actual.Standardized.Fractional.SelectMany(f => new[] { f.X, f.Y, f.Z })],
                [.. Numbers(expected, "std_positions").Select(Vec3.Wrap01)], periodic: true), "standardized positions");
            Check(actual.Standardized.Species.SequenceEqual(Strings(expected, "std_species")), "standardized species");
            Check(actual.PrimitiveCount == expected.GetProperty("primitive_count").GetInt32(), "primitive count in dataset");

            var primitive = SymmetryAnalyzer.Primitive(structure, symprec);
            Check(primitive.Count == expected.GetProperty("primitive_count").GetInt32(), $"primitive cell of {primitive.Count} atoms");
            Check(Close(Flatten(primitive.Lattice.Matrix), Numbers(expected, "primitive_lattice")), "primitive lattice");
            var standardized = SymmetryAnalyzer.Standardized(structure, symprec);
            Check(standardized.Count == expected.GetProperty("refined_count").GetInt32(), $"standardized cell of {standardized.Count} atoms");
            Check(Close(Flatten(standardized.Lattice.Matrix), Numbers(expected, "refined_lattice")), "standardized cell lattice");
        }
        Assert.Empty(mismatches);
        Assert.Contains(reference.Cases.Select((c, i) => reference.Datasets[i].GetProperty("number").GetInt32()), n => n == 1);
        Assert.Contains(reference.Cases.Select((c, i) => reference.Datasets[i].GetProperty("number").GetInt32()), n => n > 1);
        Assert.Contains(reference.Cases.Select((c, i) => reference.Datasets[i].GetProperty("number").GetInt32()), n => n == 0);
    }

    [Fact]
    public void PrimitiveCellOfAConventionalCellHoldsTheLatticePointShare()
    {
        var diamond = KnownStructures.DiamondSi();

        var primitive = SymmetryAnalyzer.Primitive(diamond);

        Assert.Equal(2, primitive.Count);
        Assert.Equal(diamond.Lattice.Volume / 4, primitive.Lattice.Volume, 1e-9);
        Assert.Equal(227, SymmetryAnalyzer.Analyze(primitive).SpaceGroupNumber);
    }

    [Fact]
    public void DefaultLibraryLoadsOnThisMachine() => Assert.True(SymmetryAnalyzer.IsAvailable);

    private static bool SameOperations(IReadOnlyList<SymmetryOperation> actual, JsonElement expected)
    {
        var rotations = expected.GetProperty("rotations").EnumerateArray().ToArray();
        var translations = expected.GetProperty("translations").EnumerateArray().ToArray();
        if (rotations.Length != actual.Count) return false;
        for (var k = 0; k < actual.Count; k++)
        {
            for (var i = 0; i < 3; i++)
                for (var j = 0; j < 3; j++)
                    if (actual[k][i, j] != rotations[k][i][j].GetInt32()) return false;
            var t = PythonReference.ToVec3(translations[k]);
            if (!Close([actual[k].T.X, actual[k].T.Y, actual[k].T.Z], [t.X, t.Y, t.Z], periodic: true)) return false;
        }
        return true;
    }

    private static string[] Strings(JsonElement e, string key) => [.. e.GetProperty(key).EnumerateArray().Select(x => x.GetString()!)];

    private static double[] Numbers(JsonElement e, string key) => [.. Flat(e.GetProperty(key))];

    private static IEnumerable<double> Flat(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().SelectMany(Flat) : [e.GetDouble()];

    private static double[] Flatten(double[,] m) => [.. m.Cast<double>()];

    private static bool Close(double[] a, double[] b, bool periodic = false) =>
        a.Length == b.Length && a.Zip(b).All(p =>
        {
            var d = p.First - p.Second;
            return Math.Abs(periodic ? d - Math.Round(d) : d) < 1e-8;
        });
}
