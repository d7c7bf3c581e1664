namespace Laqa.Calculators.Potentials;

/// <summary>One parameter entry of a three-body potential: the element triplet (i, j, k) it is for, and its values checked.</summary>
internal interface ITripletParameters
{
    string Element1 { get; }
    string Element2 { get; }
    string Element3 { get; }

    /// <summary>Why LAMMPS would reject these values, or null.</summary>
    string? Problem();
}
