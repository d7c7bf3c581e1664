using System.Collections.Concurrent;

namespace Laqa.Crystal.Symmetry;

/// <summary>
/// An affine subspace of fractional space through an exact point (in 24ths) with an integer axis:
/// a point (Dimension 0), a line along Axis (1), a plane with normal Axis (2), or the whole space (3).
/// </summary>
internal readonly record struct AffineSubspace(int Dimension, IntVec3 Point, IntVec3 Axis)
{
    private const int D = SeitzOperation.Denominator;
    private static readonly ConcurrentDictionary<IntVec3, (IntVec3, IntVec3)> PlaneBases = new();

    /// <summary>The common fixed-point set of rotations (as R − I rows) through a point they all fix.</summary>
    public static AffineSubspace FixedBy(IEnumerable<IntMatrix3> rotations, IntVec3 point)
    {
        IntVec3? first = null, cross = null;
        foreach (var r in rotations)
            for (var i = 0; i < 3; i++)
            {
                var row = r.MinusIdentity().Row(i);
                if (row.IsZero) continue;
                if (first is null) { first = row; continue; }
                if (cross is null)
                {
                    var c = first.Value.Cross(row);
                    if (!c.IsZero) cross = c;
                    continue;
                }
                if (row.Dot(cross.Value) != 0) return new AffineSubspace(0, point, IntVec3.Zero);
            }
        if (first is null) return new AffineSubspace(3, point, IntVec3.Zero);
        return cross is null ? new AffineSubspace(2, point, first.Value.Primitive()) : new AffineSubspace(1, point, cross.Value.Primitive());
    }

    /// <summary>The image under an operation.</summary>
    public AffineSubspace Transform(SeitzOperation op)
    {
        var point = op.Apply(Point);
        return Dimension switch
        {
            1 => this with { Point = point, Axis = (op.R * Axis).Primitive() },
            2 => this with { Point = point, Axis = PlaneNormal(op.R * PlaneBasis(Axis).Item1, op.R * PlaneBasis(Axis).Item2) },
            _ => this with { Point = point },
        };
    }

    /// <summary>A key equal for two subspaces exactly when they coincide modulo lattice translations.</summary>
    public SubspaceKey Key() => Dimension switch
    {
        0 => new(0, IntVec3.Zero, Point.Mod(D)),
        1 => new(1, Axis, new IntVec3(IntVec3.Mod(PlaneBasis(Axis).Item1.Dot(Point), D), IntVec3.Mod(PlaneBasis(Axis).Item2.Dot(Point), D), 0)),
        2 => new(2, Axis, new IntVec3(IntVec3.Mod(Axis.Dot(Point), D), 0, 0)),
        _ => new(3, IntVec3.Zero, IntVec3.Zero),
    };

    /// <summary>
    /// Origin and free directions as written in a coordinate triplet: each direction has a pivot
    /// coordinate where it is 1 and the others are 0, and the origin is 0 at the pivots (wrapped into [0, 1)).
    /// </summary>
    public (IntVec3 Origin, IntVec3[] Directions) Presentation()
    {
        switch (Dimension)
        {
            case 0:
                return (Point.Mod(D), []);
            case 1:
                {
                    var pivot = Axis.X is 1 or -1 ? 0 : Axis.Y is 1 or -1 ? 1 : Axis.Z is 1 or -1 ? 2 : -1;
                    if (pivot < 0) throw new InvalidOperationException($"line direction {Axis} has no unit component");
                    var d = Axis[pivot] * Axis;
                    return ((Point - Point[pivot] * d).Mod(D), [d]);
                }
            case 2:
                {
                    var (u, v) = PlaneBasis(Axis);
                    for (var i = 0; i < 3; i++)
                        for (var j = i + 1; j < 3; j++)
                        {
                            var det = u[i] * v[j] - u[j] * v[i];
                            if (det is not (1 or -1)) continue;
                            // Rows of the inverse 2×2 minor combine u, v into directions with unit pivots i and j.
                            var di = det * (v[j] * u - u[j] * v);
                            var dj = det * (-v[i] * u + u[i] * v);
                            var origin = Point - Point[i] * di - Point[j] * dj;
                            return (origin.Mod(D), [di, dj]);
                        }
                    throw new InvalidOperationException($"plane normal to {Axis} has no unimodular pair of coordinates");
                }
            default:
                return (IntVec3.Zero, [new(1, 0, 0), new(0, 1, 0), new(0, 0, 1)]);
        }
    }

    /// <summary>A basis (u, v) of the integer vectors orthogonal to a primitive vector n, with u × v = ±n, short vectors first.</summary>
    public static (IntVec3, IntVec3) PlaneBasis(IntVec3 normal) => PlaneBases.GetOrAdd(normal, n =>
    {
        var candidates = new List<IntVec3>();
        for (var x = -2; x <= 2; x++)
            for (var y = -2; y <= 2; y++)
                for (var z = -2; z <= 2; z++)
                {
                    var c = new IntVec3(x, y, z);
                    if (!c.IsZero && c.Dot(n) == 0 && c.Primitive() == c) candidates.Add(c);
                }
        candidates.Sort((a, b) => (a.NonZeroCount, a.L1, -a.X, -a.Y, -a.Z).CompareTo((b.NonZeroCount, b.L1, -b.X, -b.Y, -b.Z)));
        foreach (var u in candidates)
            foreach (var v in candidates)
            {
                var c = u.Cross(v);
                if (c == n || c == -n) return (u, v);
            }
        throw new InvalidOperationException($"no short integer basis orthogonal to {n}");
    });

    private static IntVec3 PlaneNormal(IntVec3 u, IntVec3 v) => u.Cross(v).Primitive();
}

/// <summary>Dimension, primitive axis and residues of a subspace modulo lattice translations; ordered lexicographically.</summary>
internal readonly record struct SubspaceKey(int Dimension, IntVec3 Axis, IntVec3 Residue) : IComparable<SubspaceKey>
{
    public int CompareTo(SubspaceKey other) =>
        (Dimension, Axis.X, Axis.Y, Axis.Z, Residue.X, Residue.Y, Residue.Z)
        .CompareTo((other.Dimension, other.Axis.X, other.Axis.Y, other.Axis.Z, other.Residue.X, other.Residue.Y, other.Residue.Z));
}
