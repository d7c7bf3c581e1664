using Laqa.Crystal.Fingerprints;
using Laqa.Crystal.Generation;
using Laqa.Crystal.Spglib;

namespace Laqa.Crystal.Tests.Fingerprints;

public class StructureFingerprintTests
{
    private const double Tolerance = StructureSignature.DefaultDistanceTolerance;

    public static TheoryData<string> Structures => ["diamond Si", "rocksalt NaCl", "corundum Al2O3", "generated P-1 Mg3Si2O7"];

    private static Structure Named(string name) => name switch
    {
        "diamond Si" => KnownStructures.DiamondSi(),
        "rocksalt NaCl" => KnownStructures.RockSalt(),
        "corundum Al2O3" => Polymorphs.Corundum(),
        "generated P-1 Mg3Si2O7" => new StructureGenerator(
            GenerationRequest.Default(Composition.Parse("Mg6Si4O14"), SpaceGroupSelection.Parse("2")), seed: 5).Generate(0).Structure,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Fact]
    public void TestStructuresAreInTheirSpaceGroups()
    {
        Assert.True(SymmetryAnalyzer.IsAvailable);
        Assert.Equal(227, SymmetryAnalyzer.Analyze(KnownStructures.DiamondSi()).SpaceGroupNumber);
        Assert.Equal(227, SymmetryAnalyzer.Analyze(Polymorphs.DiamondSiPrimitive()).SpaceGroupNumber);
        Assert.Equal(141, SymmetryAnalyzer.Analyze(Polymorphs.BetaTinSi()).SpaceGroupNumber);
        Assert.Equal(194, SymmetryAnalyzer.Analyze(Polymorphs.LonsdaleiteSi()).SpaceGroupNumber);
        Assert.Equal(225, SymmetryAnalyzer.Analyze(KnownStructures.RockSalt()).SpaceGroupNumber);
        Assert.Equal(221, SymmetryAnalyzer.Analyze(Polymorphs.CesiumChlorideNaCl()).SpaceGroupNumber);
        Assert.Equal(216, SymmetryAnalyzer.Analyze(Polymorphs.ZincblendeNaCl()).SpaceGroupNumber);
        Assert.Equal(167, SymmetryAnalyzer.Analyze(Polymorphs.Corundum()).SpaceGroupNumber);
        Assert.Equal(2, SymmetryAnalyzer.Analyze(Named("generated P-1 Mg3Si2O7")).SpaceGroupNumber);
    }

    [Theory]
    [MemberData(nameof(Structures))]
    public void SameStructureInAnotherCellOrderAndOriginMatches(string name)
    {
        var original = Named(name);
        var random = new Random(name.Length);
        var signature = StructureSignature.Of(original);
        for (var trial = 0; trial < 5; trial++)
        {
            var other = CellChoices.Redescribed(original, random);
            Assert.NotEqual(original.Lattice.Matrix, other.Lattice.Matrix);
            var otherSignature = StructureSignature.Of(other);
            // The same distances up to rounding: the fingerprint is the same, not merely close.
            Assert.True(signature.DistanceTo(otherSignature) < 1e-9, $"{name}, trial {trial}: distance {signature.DistanceTo(otherSignature):E3}");
            Assert.True(signature.Matches(otherSignature, Tolerance));
        }
    }

    [Fact]
    public void SupercellMatchesItsPrimitiveCell()
    {
        var primitive = StructureSignature.Of(Polymorphs.DiamondSiPrimitive());
        var conventional = StructureSignature.Of(KnownStructures.DiamondSi());
        var large = StructureSignature.Of(StructureVariants.Supercell(Polymorphs.DiamondSiPrimitive(), new[,] { { 2, 1, 0 }, { 0, 1, 1 }, { 1, 0, 3 } }));
        Assert.True(primitive.DistanceTo(conventional) < 1e-9, $"distance {primitive.DistanceTo(conventional):E3}");
        Assert.True(primitive.DistanceTo(large) < 1e-9, $"distance {primitive.DistanceTo(large):E3}");
        Assert.True(primitive.Matches(large, Tolerance));
    }

    [Theory]
    [InlineData("Si")]
    [InlineData("NaCl")]
    public void PolymorphsAtOneDensityDoNotMatch(string formula)
    {
        (string Name, Structure Structure)[] polymorphs = formula == "Si"
            ? [("diamond", KnownStructures.DiamondSi()), ("beta-tin", Polymorphs.BetaTinSi()), ("lonsdaleite", Polymorphs.LonsdaleiteSi())]
            : [("rocksalt", KnownStructures.RockSalt()), ("CsCl", Polymorphs.CesiumChlorideNaCl()), ("zincblende", Polymorphs.ZincblendeNaCl())];
        var volumes = polymorphs.Select(p => p.Structure.Lattice.Volume / p.Structure.Count).ToArray();
        Assert.True(volumes.Max() - volumes.Min() < 1e-6 * volumes.Max(), "the polymorphs are compared at one density");
        for (var i = 0; i < polymorphs.Length; i++)
            for (var j = i + 1; j < polymorphs.Length; j++)
            {
                var (a, b) = (StructureSignature.Of(polymorphs[i].Structure), StructureSignature.Of(polymorphs[j].Structure));
                var distance = a.DistanceTo(b);
                // The fingerprint alone tells them apart (diamond and lonsdaleite, whose first two shells are the same, at 0.012),
                // and the space groups differ too.
                Assert.True(distance > 2 * Tolerance, $"{polymorphs[i].Name} vs {polymorphs[j].Name}: distance {distance:F4}");
                Assert.NotEqual(a.SpaceGroupNumber, b.SpaceGroupNumber);
                Assert.False(a.Matches(b, Tolerance));
            }
    }

    [Theory]
    [MemberData(nameof(Structures))]
    public void DisplacementOfAHundredthOfAnAngstromMatchesAndOfThreeTenthsDoesNot(string name)
    {
        var original = Named(name);
        var random = new Random(7);
        var signature = StructureSignature.Of(original);
        for (var trial = 0; trial < 3; trial++)
        {
            var near = StructureSignature.Of(StructureVariants.Displaced(CellChoices.Redescribed(original, random), random, 0.01));
            var far = StructureSignature.Of(StructureVariants.Displaced(CellChoices.Redescribed(original, random), random, 0.3));
            Assert.True(signature.Matches(near, Tolerance), $"{name}: 0.01 Å away, distance {signature.DistanceTo(near):F5}, groups {signature.SpaceGroupNumber} {near.SpaceGroupNumber}");
            // The fingerprint alone, whatever spglib finds in the distorted cell.
            Assert.True(signature.DistanceTo(far) > Tolerance, $"{name}: 0.3 Å away, distance {signature.DistanceTo(far):F5}");
            Assert.False(signature.Matches(far, Tolerance));
        }
    }

    [Fact]
    public void DifferentFormulasAreNeverTheSame()
    {
        var silicon = StructureFingerprint.Of(KnownStructures.DiamondSi());
        var salt = StructureFingerprint.Of(KnownStructures.RockSalt());
        Assert.Equal(1, silicon.DistanceTo(salt));
    }
}
