namespace Laqa.Crystal.Symmetry;

/// <summary>
/// Primitive cells of the centred lattices (International Tables vol. A, Table 5.1.3.1): rows are the
/// primitive basis vectors in fractional coordinates of the conventional cell, right-handed.
/// </summary>
internal static class PrimitiveBases
{
    private const double H = 0.5, T = 1.0 / 3.0;

    public static double[,] For(char centring) => centring switch
    {
        'P' => new[,] { { 1.0, 0, 0 }, { 0, 1.0, 0 }, { 0, 0, 1.0 } },
        'A' => new[,] { { 1.0, 0, 0 }, { 0, H, H }, { 0, -H, H } },
        'B' => new[,] { { H, 0, -H }, { 0, 1.0, 0 }, { H, 0, H } },
        'C' => new[,] { { H, H, 0 }, { -H, H, 0 }, { 0, 0, 1.0 } },
        'I' => new[,] { { -H, H, H }, { H, -H, H }, { H, H, -H } },
        'F' => new[,] { { 0, H, H }, { H, 0, H }, { H, H, 0 } },
        'R' => new[,] { { 2 * T, T, T }, { -T, T, T }, { -T, -2 * T, T } },
        _ => throw new ArgumentOutOfRangeException(nameof(centring), centring, "unknown centring"),
    };
}
