namespace Laqa.Crystal.IO;

/// <summary>The structure file formats, told apart by file name.</summary>
public enum StructureFileFormat { Poscar, Cif, ExtendedXyz }

/// <summary>Reads and writes a structure in the format its file name implies.</summary>
public static class StructureFile
{
    /// <summary>*.cif → CIF; *.xyz, *.extxyz → extended XYZ; POSCAR*, CONTCAR*, *.vasp, *.poscar → POSCAR.</summary>
    public static StructureFileFormat FormatOf(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension == ".cif") return StructureFileFormat.Cif;
        if (extension is ".xyz" or ".extxyz") return StructureFileFormat.ExtendedXyz;
        if (extension is ".vasp" or ".poscar" || name.StartsWith("POSCAR", StringComparison.OrdinalIgnoreCase) ||
            name.StartsWith("CONTCAR", StringComparison.OrdinalIgnoreCase))
            return StructureFileFormat.Poscar;
        throw new LaqaInputException($"{path}: cannot tell the structure format from the name (use .cif, .xyz, .extxyz, .vasp, POSCAR or CONTCAR)");
    }

    /// <summary>The structure in the file (the last frame of an extended XYZ file).</summary>
    public static Structure Read(string path) => FormatOf(path) switch
    {
        StructureFileFormat.Cif => CifFormat.Read(path).Structure,
        StructureFileFormat.ExtendedXyz => ExtendedXyzFormat.Read(path)[^1].Structure,
        _ => PoscarFormat.Read(path).Structure,
    };

    /// <summary>Writes atomically; CIF in P1. The title becomes the POSCAR comment, CIF block name, or extended XYZ comment= key.</summary>
    public static void Write(string path, Structure structure, string title = "")
    {
        switch (FormatOf(path))
        {
            case StructureFileFormat.Cif:
                CifFormat.WriteP1(path, structure, title);
                break;
            case StructureFileFormat.ExtendedXyz:
                ExtendedXyzFormat.Write(path, new ExtendedXyzFrame(structure)
                {
                    Info = string.IsNullOrEmpty(title) ? [] : [new("comment", title)],
                });
                break;
            default:
                PoscarFormat.Write(path, structure, title);
                break;
        }
    }
}
