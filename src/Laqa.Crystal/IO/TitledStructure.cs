namespace Laqa.Crystal.IO;

/// <summary>A structure read from a file with its title (POSCAR comment line, CIF data block name).</summary>
public sealed record TitledStructure(Structure Structure, string Title);
