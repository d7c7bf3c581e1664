using Laqa.Crystal;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// FIRE's state between steps, packed into <see cref="OptimizerState"/> (Kind "fire") as
/// [dt, α, downhill steps since the last reset, reference cell (9, row-major),
/// log-deformation L (9, row-major), velocities (3N atoms, then 9 cell)].
/// The reference cell is the cell at the start of the relaxation.
/// </summary>
internal sealed class FireState
{
    public const string Kind = "fire";
    private const int Header = 3 + 9 + 9;

    private FireState(double dt, double alpha, int downhillSteps, Lattice reference, double[] logStrain, double[] velocity)
    {
        Dt = dt;
        Alpha = alpha;
        DownhillSteps = downhillSteps;
        Reference = reference;
        LogStrain = logStrain;
        Velocity = velocity;
    }

    public double Dt { get; set; }
    public double Alpha { get; set; }
    public int DownhillSteps { get; set; }
    public Lattice Reference { get; }
    public double[] LogStrain { get; }
    public double[] Velocity { get; }

    /// <summary>True until the first move: ASE starts with no velocity and skips the mixing once.</summary>
    public bool IsFresh { get; set; }

    public static FireState Start(Structure structure, FireParameters parameters) =>
        new(parameters.Dt, parameters.AlphaStart, 0, structure.Lattice, new double[9], new double[3 * structure.Count + LogStrainCell.CellCoordinates]) { IsFresh = true };

    /// <summary>Unpacks a state written by <see cref="Pack"/>, or starts afresh from an empty one.</summary>
    public static FireState Unpack(OptimizerState state, Structure structure, FireParameters parameters)
    {
        if (state.Kind == OptimizerState.Fresh.Kind && state.Values.Length == 0)
            return Start(structure, parameters);
        if (state.Kind != Kind)
            throw new ArgumentException($"optimizer state of kind '{state.Kind}' cannot continue a FIRE relaxation", nameof(state));
        var velocityLength = 3 * structure.Count + LogStrainCell.CellCoordinates;
        var values = state.Values;
        if (values.Length != Header + velocityLength)
            throw new ArgumentException($"FIRE state holds {values.Length} numbers; {structure.Count} atoms need {Header + velocityLength}", nameof(state));
        var reference = new Lattice(new Vec3(values[3], values[4], values[5]), new Vec3(values[6], values[7], values[8]), new Vec3(values[9], values[10], values[11]));
        return new FireState(values[0], values[1], (int)values[2], reference, values[12..21], values[Header..]);
    }

    public OptimizerState Pack()
    {
        if (IsFresh) return OptimizerState.Fresh;
        var values = new double[Header + Velocity.Length];
        values[0] = Dt;
        values[1] = Alpha;
        values[2] = DownhillSteps;
        for (var i = 0; i < 3; i++)
        {
            var row = Reference[i];
            values[3 + 3 * i] = row.X;
            values[4 + 3 * i] = row.Y;
            values[5 + 3 * i] = row.Z;
        }
        LogStrain.CopyTo(values, 12);
        Velocity.CopyTo(values, Header);
        return new OptimizerState(Kind, values);
    }
}
