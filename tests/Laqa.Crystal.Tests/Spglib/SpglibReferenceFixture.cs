using System.Text.Json;
using System.Text.Json.Nodes;

namespace Laqa.Crystal.Tests.Spglib;

/// <summary>
/// The textbook structures, randomly rotated / supercelled / displaced variants of them, and corundum
/// built by ASE, each with python3-spglib's analysis, from one python process.
/// </summary>
public sealed class SpglibReferenceFixture
{
    public SpglibReferenceFixture()
    {
        var random = new Random(20240611);
        var cases = new List<(string, Structure, double)>();
        int[][,] supercells = [new[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, new[,] { { 1, 1, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
            new[,] { { 2, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, new[,] { { 0, 1, 1 }, { 1, 0, 1 }, { 1, 1, 0 } }];
        foreach (var (name, structure) in KnownStructures.All(random))
        {
            cases.Add((name, structure, 1e-3));
            foreach (var (amplitude, symprec) in new[] { (2e-4, 1e-3), (0.03, 1e-3), (0.03, 0.1) })
            {
                var supercell = supercells[random.Next(supercells.Length)];
                var variant = StructureVariants.Displaced(
                    StructureVariants.Rotated(StructureVariants.Supercell(structure, supercell), random), random, amplitude);
                cases.Add(($"{name} displaced {amplitude} Å, symprec {symprec}", variant, symprec));
            }
        }

        var diamond = KnownStructures.DiamondSi();
        cases.Add(("overlapping atoms", new Structure(diamond.Lattice, [.. diamond.Species, "Si"], [.. diamond.Fractional, diamond.Fractional[3]]), 1e-3));

        var request = new JsonObject
        {
            ["structures"] = new JsonArray([.. cases.Select(c =>
            {
                var json = PythonReference.ToJson(c.Item2);
                json["symprec"] = c.Item3;
                return (JsonNode)json;
            })]),
        };
        var reply = PythonReference.Run("spglib_reference.py", request);
        Corundum = PythonReference.ToStructure(reply.GetProperty("corundum"));
        cases.Add(("corundum", Corundum, 1e-3));
        Cases = cases;
        Datasets = [.. reply.GetProperty("datasets").EnumerateArray()];
    }

    /// <summary>Al2O3 in R-3c, hexagonal axes, expanded by ase.spacegroup.crystal.</summary>
    public Structure Corundum { get; }

    public IReadOnlyList<(string Name, Structure Structure, double Symprec)> Cases { get; }
    public IReadOnlyList<JsonElement> Datasets { get; }
}
