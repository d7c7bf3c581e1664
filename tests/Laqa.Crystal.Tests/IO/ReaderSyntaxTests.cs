using Laqa.Crystal.IO;
using Xunit;

namespace Laqa.Crystal.Tests.IO;

/// <summary>Syntax variants the readers accept, each checked against a textbook structure or the plain form of the same file.</summary>
public sealed class ReaderSyntaxTests
{
    [Fact]
    public void CifSyntaxVariantsExpandRutileToItsTextbookCell()
    {
        const string cif = """
            data_header_only
            _journal_year 1990
            data_rutile   # the structure block
            _cell.length_a 4.5937(3) _cell.length_b 4.5937(3)
            _cell.length_c "2.9587"
            _cell.angle_gamma 90.
            _symmetry_space_group_name_H-M
            ;
            P 42/m n m
            ;
            loop_ _symmetry_equiv_pos_as_xyz
            'x,y,z' '-x,-y,z' '1/2-y,1/2+x,1/2+z' 'y+0.5,-x+1/2,z+1/2' '-x+1/2,y+1/2,-z+1/2' 'x+1/2,-y+1/2,1/2-z'
            'y,x,-z' '-y,-x,-z' '-x,-y,-z' 'x,y,-z' 'y+1/2,-x+1/2,-z+1/2' "-y+1/2,x+1/2,-z+1/2"
            'x+1/2,-y+1/2,z+1/2' '-x+1/2,y+1/2,z+1/2' '-y,-x,z' 'Y,X,Z' 'x,y,z'
            loop_
            _atom_site.label _atom_site.fract_x _atom_site.fract_y _atom_site.fract_z
            Ti1 0 0 0   O1 0.3049(6) 0.3049(6) 0
            """;

        var rutile = CifFormat.Parse(cif, "rutile.cif");

        Assert.Equal("rutile", rutile.Title);
        StructureAssert.SameAsSets(KnownStructures.RutileTiO2(), rutile.Structure, 1e-9);
    }

    [Fact]
    public void CifDuplicatesFromSpecialPositionsAndRoundedCoordinatesAreRemoved()
    {
        var text = CifFormat.FormatSymmetrized(KnownStructures.HcpMg(), Laqa.Crystal.Spglib.SymmetryAnalyzer.Analyze(KnownStructures.HcpMg()))
            .Replace("0.33333333333333", "0.3333").Replace("0.66666666666667", "0.6667");

        var hcp = CifFormat.Parse(text, "hcp.cif").Structure;

        Assert.Equal(2, hcp.Count);
        StructureAssert.SameAsSets(KnownStructures.HcpMg(), hcp, 1e-3);
    }

    [Fact]
    public void PoscarWithThreeScaleFactorsPotcarLabelsAndVelocitiesReadsAsThePlainFile()
    {
        const string plain = "plain\n1.0\n2 0 0\n0 3 0\n0.4 0 4\nNa Cl\n1 1\nCartesian\n0 0 0\n1 1.5 2\n";
        const string variant = "variant\n  2.0 3.0 4.0\n1 0 0\n0 1 0\n0.2 0 1\nNa_sv Cl/1a2b\n1 1\ncartesian\n0 0 0 ! comment\n0.5 0.5 0.5\n\n0.01 0.02 0.03\n0 0 0\n";

        StructureAssert.SameInOrder(PoscarFormat.Parse(plain, "plain").Structure, PoscarFormat.Parse(variant, "variant").Structure, 1e-12);
    }

    [Fact]
    public void ExtendedXyzSkipsUnknownColumnsAndReadsVoigtStress()
    {
        const string text = """
            2
            pbc="T T T" Lattice="3 0 0 0 3 0 0 0 3" Properties=species:S:1:tags:I:1:pos:R:3:magmoms:R:1:forces:R:3 stress="1 2 3 4 5 6" energy=-2.5 flag
            Na 0 0 0 0 2 -0.1 0 0
            Cl 1 1.5 1.5 1.5 -2 0.1 0 0

            """;

        var frame = ExtendedXyzFormat.Parse(text, "voigt.xyz").Single();

        Assert.Equal([0, 0, 0, 0.5, 0.5, 0.5], frame.Structure.Fractional.SelectMany(f => new[] { f.X, f.Y, f.Z }));
        Assert.Equal([-0.1, 0, 0, 0.1, 0, 0], frame.Forces!);
        Assert.Equal([1.0, 6, 5, 6, 2, 4, 5, 4, 3], frame.Stress!);
        Assert.Equal(-2.5, frame.Energy);
        Assert.Equal<KeyValuePair<string, string>>([new("flag", "T")], [.. frame.Info]);
    }

    [Fact]
    public void EveryOperationOfEveryHallSettingSurvivesTheXyzNotation()
    {
        var count = 0;
        for (var hall = 1; hall <= 530; hall++)
            foreach (var op in Laqa.Crystal.Spglib.SymmetryAnalyzer.OperationsOfHallNumber(hall))
            {
                var text = SymmetryOperationXyz.Format(op);
                var parsed = SymmetryOperationXyz.TryParse(text, out var problem);
                Assert.True(parsed is not null, $"{text}: {problem}");
                Assert.True(parsed.Value with { T = Vec3.Zero } == op with { T = Vec3.Zero }, text);
                Assert.True((parsed.Value.T - op.T).Norm < 1e-12, text);
                count++;
            }
        // Total over Hall numbers 1–530 of python3-spglib's get_symmetry_from_database.
        Assert.Equal(7388, count);
    }

    [Theory]
    [InlineData("x,y,z", "1 0 0 0 1 0 0 0 1", 0, 0, 0)]
    [InlineData("-y+1/2, x-y, z+1/3", "0 -1 0 1 -1 0 0 0 1", 0.5, 0, 1.0 / 3)]
    [InlineData("1/4-X, 0.75+y, -z-1/6", "-1 0 0 0 1 0 0 0 -1", 0.25, 0.75, 5.0 / 6)]
    [InlineData("+x, 2*y - x, 1+z", "1 0 0 -1 2 0 0 0 1", 0, 0, 0)]
    public void XyzNotationParsesToMatrixAndTranslation(string text, string rotation, double tx, double ty, double tz)
    {
        var op = SymmetryOperationXyz.TryParse(text, out _)!.Value;

        Assert.Equal(rotation, string.Join(' ', Enumerable.Range(0, 9).Select(k => op[k / 3, k % 3])));
        Assert.True((op.T - new Vec3(tx, ty, tz)).Norm < 1e-12);
    }
}
