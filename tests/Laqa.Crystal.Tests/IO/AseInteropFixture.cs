using System.Text.Json;
using System.Text.Json.Nodes;
using Laqa.Crystal.IO;
using Laqa.Crystal.Spglib;

namespace Laqa.Crystal.Tests.IO;

/// <summary>
/// Our files read by ASE, and ASE-written files (pymatgen for symmetrized CIF) with ASE's own reading
/// of them, from one python process. Files live in a temporary folder for the test class.
/// </summary>
public sealed class AseInteropFixture : IDisposable
{
    public sealed record OurFile(string Path, string Format, Structure Written, ExtendedXyzFrame? Frame = null, SymmetryDataset? Symmetry = null);
    public sealed record AseFile(string Path, string Format, string Kind, JsonElement AseRead);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("laqa-ase-");

    public AseInteropFixture()
    {
        var random = new Random(11);
        var structures = KnownStructures.All(random).Append(("turned", KnownStructures.TurnedSupercell(random))).ToList();
        var ours = new List<OurFile>();
        foreach (var (name, structure) in structures)
        {
            var symprec = name == "turned" ? 0.1 : 1e-3;
            PoscarFormat.Write(File(name + ".vasp"), structure, $"{name} direct");
            ours.Add(new OurFile(File(name + ".vasp"), "vasp", structure));
            PoscarFormat.Write(File(name + "-cartesian.vasp"), structure, $"{name} cartesian", cartesian: true);
            ours.Add(new OurFile(File(name + "-cartesian.vasp"), "vasp", structure));
            CifFormat.WriteP1(File(name + "-p1.cif"), structure, name);
            ours.Add(new OurFile(File(name + "-p1.cif"), "cif", structure));
            var dataset = CifFormat.WriteSymmetrized(File(name + "-symmetrized.cif"), structure, symprec, name);
            ours.Add(new OurFile(File(name + "-symmetrized.cif"), "cif", structure, Symmetry: dataset));
            var frame = new ExtendedXyzFrame(structure)
            {
                Energy = -4.5 * structure.Count - random.NextDouble(),
                Forces = [.. Enumerable.Range(0, 3 * structure.Count).Select(_ => random.NextDouble() - 0.5)],
                Stress = Symmetric(random),
                Info = [new("energy_per_atom", "-4.52"), new("spacegroup", $"{dataset.InternationalSymbol} ({dataset.SpaceGroupNumber})")],
            };
            ExtendedXyzFormat.Write(File(name + ".xyz"), frame);
            ours.Add(new OurFile(File(name + ".xyz"), "extxyz", structure, frame));
        }
        OurFiles = ours;

        System.IO.File.WriteAllText(File("rutile-handwritten.cif"), HandwrittenRutileCif);
        System.IO.File.WriteAllText(File("POSCAR-scaled"), ScaledCartesianPoscar);
        System.IO.File.WriteAllText(File("POSCAR-volume"), VolumeDirectPoscar);
        Handwritten = [(File("rutile-handwritten.cif"), "cif"), (File("POSCAR-scaled"), "vasp"), (File("POSCAR-volume"), "pymatgen-poscar")];

        (string Kind, string Format)[] aseWrites =
        [
            ("si", "vasp"), ("si", "vasp-cartesian"), ("nacl", "cif"), ("nacl", "extxyz"), ("triclinic", "extxyz"),
            ("triclinic", "vasp"), ("triclinic", "cif"), ("corundum", "cif"), ("wurtzite", "vasp"),
            ("corundum", "pymatgen-cif"), ("rutile", "pymatgen-cif"), ("wurtzite", "pymatgen-cif"),
        ];
        string AsePath((string Kind, string Format) w) =>
            File($"ase-{w.Kind}-{w.Format}" + (w.Format.EndsWith("cif") ? ".cif" : w.Format == "extxyz" ? ".xyz" : ".vasp"));

        var request = new JsonObject
        {
            ["read"] = new JsonArray([.. ours.Select(f => (f.Path, f.Format)).Concat(Handwritten)
                .Select(f => (JsonNode)new JsonObject { ["path"] = f.Item1, ["format"] = f.Item2 })]),
            ["write"] = new JsonArray([.. aseWrites.Select(w => (JsonNode)new JsonObject
                { ["path"] = AsePath(w), ["format"] = w.Format, ["kind"] = w.Kind })]),
        };
        var reply = PythonReference.Run("ase_reference.py", request);
        var reads = reply.GetProperty("read").EnumerateArray().ToList();
        AseReadsOfOurs = reads.Take(ours.Count).ToList();
        AseReadsOfHandwritten = reads.Skip(ours.Count).ToList();
        AseFiles = [.. aseWrites.Zip(reply.GetProperty("write").EnumerateArray(), (w, e) => new AseFile(AsePath(w), w.Format, w.Kind, e))];
    }

    public IReadOnlyList<OurFile> OurFiles { get; }
    public IReadOnlyList<JsonElement> AseReadsOfOurs { get; }
    public IReadOnlyList<(string Path, string Format)> Handwritten { get; }
    public IReadOnlyList<JsonElement> AseReadsOfHandwritten { get; }
    public IReadOnlyList<AseFile> AseFiles { get; }

    public void Dispose() => _directory.Delete(recursive: true);

    private string File(string name) => Path.Combine(_directory.FullName, name);

    private static double[] Symmetric(Random random)
    {
        var s = Enumerable.Range(0, 6).Select(_ => 0.02 * (random.NextDouble() - 0.5)).ToArray();
        return [s[0], s[5], s[4], s[5], s[1], s[3], s[4], s[3], s[2]];
    }

    /// <summary>Rutile in P4_2/mnm (ITA operations), labels only, uncertainties, comments and a text field.</summary>
    private const string HandwrittenRutileCif = """
        # rutile, written by hand for the reader test
        data_rutile
        _publ_section_title
        ;
        Rutile TiO2; a text field that spans
        two lines
        ;
        _cell_length_a    4.5937(3)
        _cell_length_b    4.5937(3)
        # c is the short axis
        _cell_length_c    2.9587(2)
        _cell_angle_alpha 90
        _cell_angle_beta  90.0
        _cell_angle_gamma 90.
        _space_group_name_H-M_alt 'P 42/m n m'
        loop_
        _space_group_symop_id
        _space_group_symop_operation_xyz
         1 'x, y, z'
         2 '-x, -y, z'
         3 '-y+1/2, x+1/2, z+1/2'
         4 'y+1/2, -x+1/2, z+1/2'
         5 '-x+1/2, y+1/2, -z+1/2'
         6 'x+1/2, -y+1/2, -z+1/2'
         7 'y, x, -z'
         8 '-y, -x, -z'
         9 '-x, -y, -z'
        10 'x, y, -z'
        11 'y+1/2, -x+1/2, -z+1/2'
        12 '-y+1/2, x+1/2, -z+1/2'
        13 'x+1/2, -y+1/2, z+1/2'
        14 '-x+1/2, y+1/2, z+1/2'
        15 '-y, -x, z'
        16 'y, x, z'
        loop_
        _atom_site_label
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z
        _atom_site_U_iso_or_equiv
        Ti1 0 0 0 0.0061(2)
        O1 0.30478(6) 0.30478(6) 0 ?
        """;

    private const string NaClCartesianPositions = """
          0.0 0.0 0.0   T T T
          0.0 0.5 0.5   T T F
          0.5 0.0 0.5   F F F
          0.5 0.5 0.0   T T T
          0.5 0.0 0.0   T T T
          0.0 0.5 0.0   T T T
          0.0 0.0 0.5   T T T
          0.5 0.5 0.5   T T T
        """;

    /// <summary>Rock salt on a unit cube scaled by 5.66 Å, selective dynamics, cartesian positions scaled with the cell.</summary>
    public const string ScaledCartesianPoscar = $"""
        NaCl scaled
        5.66
          1.0  0.0  0.0
          0.0  1.0  0.0
          0.0  0.0  1.0
          Na Cl
          4 4
        Selective dynamics
        Cartesian
        {NaClCartesianPositions}
        """;

    /// <summary>The same crystal with the scale given as the target volume 5.66³ Å³.</summary>
    public const string VolumeCartesianPoscar = $"""
        NaCl with volume scale
        -181.321496
          1.0  0.0  0.0
          0.0  1.0  0.0
          0.0  0.0  1.0
          Na_pv Cl
          4 4
        Selective dynamics
        Cartesian
        {NaClCartesianPositions}
        """;

    /// <summary>A skewed cell with a target volume and direct positions.</summary>
    private const string VolumeDirectPoscar = """
        skewed cell with volume scale
          -100.0
          1.0  0.1  0.0
          0.2  1.1  0.0
          0.1  -0.3  0.9
          Si O
          1 2
        Direct
          0.1 0.2 0.3
          0.5 0.6 0.7
          0.9 0.15 0.45
        """;
}
