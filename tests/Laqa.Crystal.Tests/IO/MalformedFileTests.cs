using Laqa.Crystal.IO;
using Xunit;

namespace Laqa.Crystal.Tests.IO;

public sealed class MalformedFileTests
{
    private const string GoodPoscar = "Si2\n1.0\n5.43 0 0\n0 5.43 0\n0 0 5.43\nSi O\n1 1\nDirect\n0 0 0\n0.25 0.25 0.25\n";

    private const string GoodCif = """
        data_test
        _cell_length_a 4.0
        _cell_length_b 4.0
        _cell_length_c 4.0
        loop_
        _symmetry_equiv_pos_as_xyz
        'x, y, z'
        '-x, -y, -z'
        loop_
        _atom_site_label
        _atom_site_type_symbol
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z
        Mg1 Mg 0.1 0.2 0.3
        O1 O 0.5 0.5 0.5
        """;

    private const string GoodXyz = "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\nMg 0 0 0\nO 2 2 2\n";

    [Theory]
    [InlineData("truncated", 2, 9, "file ends here")]
    [InlineData("missing atom", 10, 10, "file ends here, expected position of atom 2 of 2")]
    [InlineData("counts", 7, 7, "1 atom counts for 2 species")]
    [InlineData("element", 6, 6, "unknown element 'Xx'")]
    [InlineData("lattice number", 4, 4, "bad number '5.43x'")]
    [InlineData("position number", 9, 9, "bad number '0.2.5'")]
    [InlineData("vasp4", 6, 6, "VASP 4")]
    [InlineData("mode", 8, 8, "expected Direct or Cartesian")]
    [InlineData("degenerate", 3, 3, "degenerate")]
    // A scale of 1e100 once made the neighbour search loop for ever (squared lengths overflow).
    [InlineData("huge scale", 2, 3, "at most 10⁶ Å")]
    [InlineData("huge count", 7, 11, "file ends here, expected position of atom 3 of 4000000000")]
    public void PoscarErrorsNameTheFileAndLine(string defect, int line, int expectedLine, string problem)
    {
        var lines = GoodPoscar.TrimEnd('\n').Split('\n').ToList();
        switch (defect)
        {
            case "truncated": lines = lines[..8]; break;
            case "missing atom": lines.RemoveAt(line - 1); break;
            case "counts": lines[line - 1] = "2"; break;
            case "element": lines[line - 1] = "Si Xx"; break;
            case "lattice number": lines[line - 1] = "0 5.43x 0"; break;
            case "position number": lines[line - 1] = "0 0.2.5 0"; break;
            case "vasp4": lines.RemoveAt(line - 1); break;
            case "mode": lines[line - 1] = "Fractional"; break;
            case "degenerate": lines[3] = lines[2]; break;
            case "huge count": lines[line - 1] = "2000000000 2000000000"; break;
            case "huge scale": lines[line - 1] = "1e100"; break;
        }

        var error = Assert.Throws<LaqaInputException>(() => PoscarFormat.Parse(string.Join('\n', lines), "bad/POSCAR"));

        Assert.StartsWith($"bad/POSCAR, line {expectedLine}: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("0.5 0.5 0.5", "0.5 0.5x 0.5", 16, "bad number '0.5x' for _atom_site_fract_y")]
    [InlineData("O1 O 0.5", "O1 Qq 0.5", 16, "unknown element 'Qq'")]
    [InlineData("O1 O 0.5 0.5 0.5", "O1 O 0.5 0.5", 9, "loop of 5 tags")]
    [InlineData("'-x, -y, -z'", "'-x, -y, -z", 8, "not closed")]
    [InlineData("'-x, -y, -z'", "'-x, -q, -z'", 8, "bad symmetry operation")]
    [InlineData("'-x, -y, -z'", "'x+y, x+y, z'", 8, "not invertible")]
    [InlineData("_cell_length_b 4.0", "_cell_length_b", 3, "_cell_length_b has no value")]
    [InlineData("_cell_length_a 4.0", "_cell_length_x 4.0", 1, "no data block with _cell_length_a")]
    [InlineData("_cell_length_c 4.0", "_cell_length_c 4.0\n_cell_angle_gamma 170\n_cell_angle_beta 170", 2, "do not form a cell")]
    [InlineData("data_test", "_cell_length_z 1\ndata_test", 1, "expected a data_ block")]
    [InlineData("_cell_length_c 4.0", "_cell_length_c 4.0\n_cell_angle_gamma 190", 2, "strictly between 0° and 180°")]
    [InlineData("'-x, -y, -z'", "'-x, -y, -z'\n'-x, y, z'", 7, "do not form a group")]
    [InlineData("'-x, -y, -z'", "'x+1/3, y, z'", 7, "do not form a group")]
    public void CifErrorsNameTheFileAndLine(string good, string bad, int line, string problem)
    {
        var error = Assert.Throws<LaqaInputException>(() => CifFormat.Parse(GoodCif.Replace(good, bad), "bad.cif"));

        Assert.StartsWith($"bad.cif, line {line}: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void CifWithPartialOccupancyOrOverlappingSpeciesIsRejected()
    {
        var partial = GoodCif.Replace("_atom_site_fract_z\n", "_atom_site_fract_z\n_atom_site_occupancy\n")
            .Replace("0.1 0.2 0.3", "0.1 0.2 0.3 1.0").Replace("0.5 0.5 0.5", "0.5 0.5 0.5 0.5");
        var overlapping = GoodCif.Replace("O1 O 0.5 0.5 0.5", "O1 O 0.9 0.8 0.7");

        Assert.Contains("line 17: site O1 has occupancy 0.5", Assert.Throws<LaqaInputException>(() => CifFormat.Parse(partial, "p.cif")).Message);
        Assert.Contains("line 16: site O1 (O) overlaps an atom of Mg", Assert.Throws<LaqaInputException>(() => CifFormat.Parse(overlapping, "o.cif")).Message);
    }

    [Fact]
    public void CifWithASpaceGroupButNoOperationsIsRejected()
    {
        var text = GoodCif.Replace("loop_\n_symmetry_equiv_pos_as_xyz\n'x, y, z'\n'-x, -y, -z'\n", "_symmetry_space_group_name_H-M 'P -1'\n");

        var error = Assert.Throws<LaqaInputException>(() => CifFormat.Parse(text, "sg.cif"));

        Assert.StartsWith("sg.cif, line 5: space group 'P -1' is given without its operations", error.Message);
    }

    [Theory]
    [InlineData("2\nLattice", 1, "expected a positive atom count, found '2 x'", "2 x\nLattice")]
    [InlineData("O 2 2 2\n", 4, "file ends here, expected atom 2 of 2", "")]
    [InlineData("2\nLattice", 5, "file ends here, expected atom 3 of 2000000000", "2000000000\nLattice")]
    [InlineData("O 2 2 2", 4, "bad number '2.x'", "O 2 2.x 2")]
    [InlineData("O 2 2 2", 4, "expected 4 columns (species pos), found 3", "O 2 2")]
    [InlineData("O 2 2 2", 4, "unknown element 'Oo'", "Oo 2 2 2")]
    [InlineData("Lattice=\"4 0 0 0 4 0 0 0 4\" ", 2, "no Lattice", "")]
    [InlineData("Lattice=\"4 0 0 0 4 0 0 0 4\"", 2, "Lattice has 8 numbers", "Lattice=\"4 0 0 0 4 0 0 0\"")]
    [InlineData("pbc=\"T T T\"", 2, "bad number 'abc' for energy", "energy=abc")]
    [InlineData("pbc=\"T T T\"", 2, "not closed", "info=\"open")]
    public void ExtendedXyzErrorsNameTheFileAndLine(string good, int expectedLine, string problem, string bad)
    {
        var error = Assert.Throws<LaqaInputException>(() => ExtendedXyzFormat.Parse(GoodXyz.Replace(good, bad), "bad.xyz"));

        Assert.StartsWith($"bad.xyz, line {expectedLine}: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var error = Assert.Throws<LaqaInputException>(() => StructureFile.Read("/nonexistent/POSCAR"));

        Assert.Equal("/nonexistent/POSCAR: file not found", error.Message);
    }

    [Fact]
    public void AnUnknownFileNameIsRejected() =>
        Assert.Contains("cannot tell the structure format", Assert.Throws<LaqaInputException>(() => StructureFile.Read("structure.dat")).Message);
}
