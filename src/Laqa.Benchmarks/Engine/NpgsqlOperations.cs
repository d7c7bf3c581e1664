using System.Diagnostics.Metrics;

namespace Laqa.Benchmarks.Engine;

/// <summary>
/// Counts the commands this process sends to PostgreSQL and adds up how long each took from the client's side
/// (Npgsql's meter "Npgsql", histogram db.client.operation.duration, recorded once per command executed: one round
/// trip to the server). <see cref="Now"/> reads the running totals; subtract two readings for a span of time.
/// </summary>
public sealed class NpgsqlOperations : IDisposable
{
    private const string MeterName = "Npgsql";
    private const string OperationDuration = "db.client.operation.duration";

    private readonly MeterListener _listener = new();
    private long _count;
    private double _seconds;
    private readonly Lock _gate = new();

    public NpgsqlOperations()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == OperationDuration) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            lock (_gate)
            {
                _count++;
                _seconds += seconds;
            }
        });
        _listener.Start();
    }

    public (long Commands, TimeSpan Waited) Now
    {
        get
        {
            lock (_gate) return (_count, TimeSpan.FromSeconds(_seconds));
        }
    }

    public void Dispose() => _listener.Dispose();
}
