namespace Laqa.Crystal.Spglib;

/// <summary>
/// A structure in spglib's arrays: lattice with the cell vectors as columns, fractional
/// positions per atom, and integer types numbering the species 1, 2, … in order of first appearance.
/// </summary>
internal sealed class SpglibCell
{
    private SpglibCell(double[] lattice, double[] positions, int[] types, string[] speciesOfType)
    {
        Lattice = lattice;
        Positions = positions;
        Types = types;
        SpeciesOfType = speciesOfType;
    }

    public double[] Lattice { get; }
    public double[] Positions { get; }
    public int[] Types { get; }
    /// <summary>Species symbol of type t at index t - 1.</summary>
    public string[] SpeciesOfType { get; }
    public int Count => Types.Length;

    /// <summary>The cell with room for <paramref name="capacityFactor"/> times its atoms, as spg_standardize_cell needs.</summary>
    public static SpglibCell From(Structure structure, int capacityFactor = 1)
    {
        var n = structure.Count;
        var m = structure.Lattice.Matrix;
        var lattice = new double[9];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                lattice[3 * i + j] = m[j, i];

        var positions = new double[3 * n * capacityFactor];
        var types = new int[n * capacityFactor];
        var speciesOfType = new List<string>();
        for (var k = 0; k < n; k++)
        {
            var f = structure.Fractional[k];
            positions[3 * k] = f.X;
            positions[3 * k + 1] = f.Y;
            positions[3 * k + 2] = f.Z;
            var t = speciesOfType.IndexOf(structure.Species[k]);
            if (t < 0)
            {
                speciesOfType.Add(structure.Species[k]);
                t = speciesOfType.Count - 1;
            }
            types[k] = t + 1;
        }
        return new SpglibCell(lattice, positions, types, [.. speciesOfType]);
    }

    /// <summary>A structure from spglib arrays (column-vector lattice) holding <paramref name="count"/> atoms.</summary>
    public static unsafe Structure ToStructure(double* columnLattice, double* positions, int* types, int count, string[] speciesOfType)
    {
        var lattice = new Lattice(
            new Vec3(columnLattice[0], columnLattice[3], columnLattice[6]),
            new Vec3(columnLattice[1], columnLattice[4], columnLattice[7]),
            new Vec3(columnLattice[2], columnLattice[5], columnLattice[8]));
        var species = new string[count];
        var fractional = new Vec3[count];
        for (var k = 0; k < count; k++)
        {
            species[k] = speciesOfType[types[k] - 1];
            fractional[k] = new Vec3(positions[3 * k], positions[3 * k + 1], positions[3 * k + 2]);
        }
        return new Structure(lattice, species, fractional);
    }
}
