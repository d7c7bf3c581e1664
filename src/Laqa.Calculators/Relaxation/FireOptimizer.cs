using Laqa.Crystal;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// ASE's FIRE step rule and state. Packed into <see cref="OptimizerState"/> (Kind "fire") as
/// [dt, α, downhill steps since the last reset, frame (18: reference cell rows, L),
/// velocities (3N atoms, then 9 cell)].
/// </summary>
internal sealed class FireOptimizer : ICellOptimizer
{
    public const string Kind = "fire";
    private const int Header = 3 + LogStrainFrame.PackedLength;

    private readonly FireParameters _parameters;
    private readonly double[] _velocity;
    private double _dt, _alpha;
    private int _downhillSteps;
    private bool _started;

    private FireOptimizer(FireParameters parameters, LogStrainFrame frame, double[] velocity, double dt, double alpha, int downhillSteps, bool started)
    {
        _parameters = parameters;
        Frame = frame;
        _velocity = velocity;
        _dt = dt;
        _alpha = alpha;
        _downhillSteps = downhillSteps;
        _started = started;
    }

    public LogStrainFrame Frame { get; }

    /// <summary>Unpacks a state written by <see cref="Pack"/>, or starts afresh from an empty one.</summary>
    public static FireOptimizer Unpack(OptimizerState state, Structure structure, FireParameters parameters)
    {
        var coordinates = LogStrainFrame.CoordinatesFor(structure);
        if (PackedState.IsFresh(state))
            return new FireOptimizer(parameters, LogStrainFrame.Start(structure.Lattice), new double[coordinates], parameters.Dt, parameters.AlphaStart, 0, started: false);
        var values = PackedState.Values(state, Kind, "FIRE", Header + coordinates, structure.Count);
        return new FireOptimizer(parameters, LogStrainFrame.Unpack(values.AsSpan(3)), values[Header..], values[0], values[1], (int)values[2], started: true);
    }

    public OptimizerState Pack()
    {
        if (!_started) return OptimizerState.Fresh;
        var values = new double[Header + _velocity.Length];
        values[0] = _dt;
        values[1] = _alpha;
        values[2] = _downhillSteps;
        Frame.Pack(values.AsSpan(3));
        _velocity.CopyTo(values, Header);
        return new OptimizerState(Kind, values);
    }

    /// <summary>
    /// ASE's FIRE step: mix and accelerate the velocity while going downhill, stop and shrink dt
    /// when not (the very first step only starts from rest), then a displacement dt·v no longer
    /// than MaxStep in norm over all coordinates.
    /// </summary>
    public string? Step(double[] generalizedForces, double[] displacement)
    {
        var p = _parameters;
        var velocity = _velocity;
        var forceSquared = Dot(generalizedForces, generalizedForces);
        if (!double.IsFinite(forceSquared)) return "forces too large to move on (overflow)";
        if (!_started)
        {
            _started = true;
        }
        else if (Dot(generalizedForces, velocity) > 0.0)
        {
            var mixing = _alpha * Math.Sqrt(Dot(velocity, velocity) / forceSquared);
            for (var k = 0; k < velocity.Length; k++)
                velocity[k] = (1.0 - _alpha) * velocity[k] + mixing * generalizedForces[k];
            if (_downhillSteps > p.NMin)
            {
                _dt = Math.Min(_dt * p.FInc, p.DtMax);
                _alpha *= p.FAlpha;
            }
            _downhillSteps++;
        }
        else
        {
            Array.Clear(velocity);
            _alpha = p.AlphaStart;
            _dt *= p.FDec;
            _downhillSteps = 0;
        }

        for (var k = 0; k < velocity.Length; k++)
        {
            velocity[k] += _dt * generalizedForces[k];
            displacement[k] = _dt * velocity[k];
        }
        var stepNorm = Math.Sqrt(Dot(displacement, displacement));
        if (!double.IsFinite(stepNorm)) return "velocities too large to move on (overflow)";
        if (stepNorm > p.MaxStep)
        {
            var scale = p.MaxStep / stepNorm;
            for (var k = 0; k < displacement.Length; k++) displacement[k] *= scale;
        }
        return null;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }
}
