using Laqa.Crystal;
using Laqa.Engine;

namespace Laqa.Benchmarks.Engine;

/// <summary>Every candidate starts from the same Si16 cell: two diamond cubic cells side by side (a = 5.431 Å).</summary>
public sealed class FixedStructures : IStructureSource
{
    private const double DiamondLattice = 5.431;

    private static readonly Vec3[] DiamondBasis =
    [
        new(0, 0, 0), new(0, 0.5, 0.5), new(0.5, 0, 0.5), new(0.5, 0.5, 0),
        new(0.25, 0.25, 0.25), new(0.25, 0.75, 0.75), new(0.75, 0.25, 0.75), new(0.75, 0.75, 0.25),
    ];

    private readonly Structure _si16 = new(
        new Lattice(new Vec3(2 * DiamondLattice, 0, 0), new Vec3(0, DiamondLattice, 0), new Vec3(0, 0, DiamondLattice)),
        Enumerable.Repeat("Si", 16),
        [.. DiamondBasis.Select(p => p with { X = p.X / 2 }), .. DiamondBasis.Select(p => p with { X = (p.X + 1) / 2 })]);

    public InitialStructure Generate(int candidateId, CancellationToken cancellationToken) => new(_si16);
}
