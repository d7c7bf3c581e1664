using Laqa.Crystal;

namespace Laqa.Calculators.Potentials;

/// <summary>The distinct species of a structure in order of first appearance, and each atom's index into them.</summary>
internal readonly record struct SpeciesIndex(string[] Names, int[] Types)
{
    public static SpeciesIndex Of(Structure structure)
    {
        var names = new List<string>(4);
        var types = new int[structure.Count];
        for (var i = 0; i < types.Length; i++)
        {
            var s = structure.Species[i];
            var t = names.IndexOf(s);
            if (t < 0)
            {
                t = names.Count;
                names.Add(s);
            }
            types[i] = t;
        }
        return new SpeciesIndex([.. names], types);
    }
}
