namespace Laqa.Crystal.IO;

/// <summary>
/// Checks that symmetry operations read from a file form a group modulo lattice translations, so a
/// truncated or mistyped operation list is refused instead of expanding to a wrong cell.
/// </summary>
internal static class OperationClosure
{
    private const double TranslationTolerance = 1e-3;

    /// <summary>The first pair (i, j) whose product operations[i] ∘ operations[j] is not in the list, or null for a group.</summary>
    public static (int First, int Second)? FirstMissingProduct(IReadOnlyList<SymmetryOperation> operations)
    {
        for (var i = 0; i < operations.Count; i++)
        for (var j = 0; j < operations.Count; j++)
        {
            var product = Compose(operations[i], operations[j]);
            if (!operations.Any(op => SameModuloLattice(op, product))) return (i, j);
        }
        return null;
    }

    // (R₁, t₁) ∘ (R₂, t₂) = (R₁R₂, R₁t₂ + t₁).
    private static SymmetryOperation Compose(SymmetryOperation outer, SymmetryOperation inner)
    {
        var r = new int[3, 3];
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            r[i, j] = outer[i, 0] * inner[0, j] + outer[i, 1] * inner[1, j] + outer[i, 2] * inner[2, j];
        return SymmetryOperation.FromMatrix(r, outer.Rotate(inner.T) + outer.T);
    }

    private static bool SameModuloLattice(SymmetryOperation a, SymmetryOperation b)
    {
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            if (a[i, j] != b[i, j]) return false;
        var d = a.T - b.T;
        return IsInteger(d.X) && IsInteger(d.Y) && IsInteger(d.Z);
    }

    private static bool IsInteger(double x) => Math.Abs(x - Math.Round(x)) < TranslationTolerance;
}
