using System.Collections.Immutable;

namespace Laqa.Crystal.Symmetry;

/// <summary>
/// One of the 230 space-group types in the standard setting of the International Tables vol. A,
/// with all its operations in the conventional cell (centring translations included).
/// </summary>
public sealed class SpaceGroup
{
    private readonly Lazy<ImmutableArray<WyckoffPosition>> _wyckoff;

    internal SpaceGroup(int number, string symbol, string hallSymbol)
    {
        Number = number;
        Symbol = symbol;
        HallSymbol = hallSymbol;
        CrystalSystem = CrystalSystems.Of(number);
        var expansion = Symmetry.HallSymbol.Expand(hallSymbol);
        Centring = expansion.Lattice;
        ExactCentrings = [.. expansion.Centrings];
        ExactOperations = [.. expansion.Centrings.SelectMany(c => expansion.Representatives.Select(r => SeitzOperation.Reduced(r.R, r.T + c)))];
        Operations = [.. ExactOperations.Select(op => op.ToSymmetryOperation())];
        CentringVectors = [.. ExactCentrings.Select(c => c.ToVec3(1.0 / SeitzOperation.Denominator))];
        _wyckoff = new Lazy<ImmutableArray<WyckoffPosition>>(() => WyckoffDerivation.Derive(this));
    }

    /// <summary>International Tables number, 1..230.</summary>
    public int Number { get; }

    /// <summary>Hermann–Mauguin short symbol with '_' before screw subscripts, e.g. "P2_1/c", "Fd-3m".</summary>
    public string Symbol { get; }

    /// <summary>Hall symbol of the setting, e.g. "-F 4vw 2vw 3".</summary>
    public string HallSymbol { get; }

    public CrystalSystem CrystalSystem { get; }

    /// <summary>Lattice centring letter: P, A, B, C, I, F, or R (rhombohedral, obverse, hexagonal axes).</summary>
    public char Centring { get; }

    /// <summary>All operations of the conventional cell: the point-group coset representatives, then the same shifted by each centring vector.</summary>
    public ImmutableArray<SymmetryOperation> Operations { get; }

    /// <summary>The lattice translations inside the conventional cell, (0, 0, 0) first.</summary>
    public ImmutableArray<Vec3> CentringVectors { get; }

    /// <summary>Number of operations in the conventional cell (multiplicity of the general position).</summary>
    public int Order => Operations.Length;

    /// <summary>Rows are primitive basis vectors in fractional coordinates of the conventional cell.</summary>
    public double[,] PrimitiveBasis => PrimitiveBases.For(Centring);

    /// <summary>Wyckoff positions ordered as letters a, b, …; the general position last.</summary>
    public ImmutableArray<WyckoffPosition> WyckoffPositions => _wyckoff.Value;

    public WyckoffPosition GeneralPosition => WyckoffPositions[^1];

    /// <summary>The primitive lattice of a conventional lattice of this group (rows = PrimitiveBasis · conventional rows).</summary>
    public Lattice PrimitiveLattice(Lattice conventional)
    {
        var p = PrimitiveBasis;
        Vec3 Row(int i) => p[i, 0] * conventional.A + p[i, 1] * conventional.B + p[i, 2] * conventional.C;
        return new Lattice(Row(0), Row(1), Row(2));
    }

    /// <summary>The Wyckoff position with this letter.</summary>
    public WyckoffPosition Wyckoff(string letter) =>
        WyckoffPositions.FirstOrDefault(w => w.Letter == letter)
        ?? throw new LaqaInputException($"space group {Number} ({Symbol}) has no Wyckoff position '{letter}'");

    internal ImmutableArray<SeitzOperation> ExactOperations { get; }
    internal ImmutableArray<IntVec3> ExactCentrings { get; }

    public override string ToString() => $"{Number} {Symbol}";
}
