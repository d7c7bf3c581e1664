using Laqa.Crystal;
using MathNet.Numerics.LinearAlgebra;

namespace Laqa.Calculators.Relaxation;

/// <summary>
/// ASE's BFGS step rule and state: a Hessian H (starting at InitialCurvature·I) updated with the
/// last displacement and the change of the forces, and a step V·(V^T f / |ω|) from H's
/// eigen-decomposition, scaled so that no atom (or cell row) moves more than MaxStep. Packed into
/// <see cref="OptimizerState"/> (Kind "bfgs") as [frame (18), H (n×n, row-major),
/// last displacement (n), forces at the last step (n)] with n = 3N + 9.
/// </summary>
internal sealed class BfgsOptimizer : ICellOptimizer
{
    public const string Kind = "bfgs";

    private readonly BfgsParameters _parameters;
    private readonly int _n;
    private readonly double[] _hessian;
    private readonly double[] _lastDisplacement;
    private readonly double[] _lastForces;
    private bool _started;

    private BfgsOptimizer(BfgsParameters parameters, LogStrainFrame frame, int n, double[] hessian, double[] lastDisplacement, double[] lastForces, bool started)
    {
        _parameters = parameters;
        Frame = frame;
        _n = n;
        _hessian = hessian;
        _lastDisplacement = lastDisplacement;
        _lastForces = lastForces;
        _started = started;
    }

    public LogStrainFrame Frame { get; }

    private static int PackedLength(int n) => LogStrainFrame.PackedLength + n * n + 2 * n;

    public static BfgsOptimizer Unpack(OptimizerState state, Structure structure, BfgsParameters parameters)
    {
        var n = LogStrainFrame.CoordinatesFor(structure);
        if (PackedState.IsFresh(state))
        {
            var identity = new double[n * n];
            for (var k = 0; k < n; k++) identity[k * n + k] = parameters.InitialCurvature;
            return new BfgsOptimizer(parameters, LogStrainFrame.Start(structure.Lattice), n, identity, new double[n], new double[n], started: false);
        }
        var values = PackedState.Values(state, Kind, "BFGS", PackedLength(n), structure.Count);
        var offset = LogStrainFrame.PackedLength;
        return new BfgsOptimizer(parameters, LogStrainFrame.Unpack(values), n,
            values[offset..(offset + n * n)], values[(offset + n * n)..(offset + n * n + n)], values[(offset + n * n + n)..], started: true);
    }

    public OptimizerState Pack()
    {
        if (!_started) return OptimizerState.Fresh;
        var values = new double[PackedLength(_n)];
        Frame.Pack(values);
        var offset = LogStrainFrame.PackedLength;
        _hessian.CopyTo(values, offset);
        _lastDisplacement.CopyTo(values, offset + _n * _n);
        _lastForces.CopyTo(values, offset + _n * _n + _n);
        return new OptimizerState(Kind, values);
    }

    public string? Step(double[] generalizedForces, double[] displacement)
    {
        if (_started) Update(generalizedForces);
        _started = true;
        var n = _n;
        // H stays exactly symmetric (every update is), so its row-major numbers are also column-major.
        var evd = Matrix<double>.Build.Dense(n, n, (double[])_hessian.Clone()).Evd(Symmetricity.Symmetric);
        var vectors = evd.EigenVectors;
        Array.Clear(displacement);
        for (var m = 0; m < n; m++)
        {
            var projection = 0.0;
            for (var k = 0; k < n; k++) projection += generalizedForces[k] * vectors[k, m];
            projection /= Math.Abs(evd.EigenValues[m].Real);
            for (var k = 0; k < n; k++) displacement[k] += vectors[k, m] * projection;
        }

        var longest = 0.0;
        for (var row = 0; row < n; row += 3)
            longest = Math.Max(longest, Math.Sqrt(displacement[row] * displacement[row] + displacement[row + 1] * displacement[row + 1] + displacement[row + 2] * displacement[row + 2]));
        if (!double.IsFinite(longest)) return "the quasi-Newton step is not finite (singular Hessian or overflow)";
        if (longest > _parameters.MaxStep)
        {
            var scale = _parameters.MaxStep / longest;
            for (var k = 0; k < n; k++) displacement[k] *= scale;
        }
        displacement.CopyTo(_lastDisplacement, 0);
        generalizedForces.CopyTo(_lastForces, 0);
        return null;
    }

    /// <summary>ASE's BFGS update H −= df df^T/(dr·df) + (H dr)(H dr)^T/(dr·H dr), skipped for a negligible or degenerate step.</summary>
    private void Update(double[] forces)
    {
        var n = _n;
        var dr = _lastDisplacement;
        var largest = 0.0;
        foreach (var x in dr) largest = Math.Max(largest, Math.Abs(x));
        if (largest < 1e-7) return;
        var df = new double[n];
        var hdr = new double[n];
        double a = 0, b = 0;
        for (var i = 0; i < n; i++)
        {
            df[i] = forces[i] - _lastForces[i];
            var sum = 0.0;
            for (var j = 0; j < n; j++) sum += _hessian[i * n + j] * dr[j];
            hdr[i] = sum;
        }
        for (var i = 0; i < n; i++)
        {
            a += dr[i] * df[i];
            b += dr[i] * hdr[i];
        }
        if (!(a != 0 && b != 0 && double.IsFinite(a) && double.IsFinite(b))) return;
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
            _hessian[i * n + j] -= df[i] * df[j] / a + hdr[i] * hdr[j] / b;
    }
}
