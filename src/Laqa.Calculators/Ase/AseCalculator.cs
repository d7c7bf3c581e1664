using System.Collections.Concurrent;
using Laqa.Crystal;

namespace Laqa.Calculators.Ase;

/// <summary>
/// An ASE calculator in Python, behind <see cref="AseBridgeProcess"/>. Each concurrent caller (a
/// campaign's worker) gets an interpreter of its own, started on first use and kept for the next
/// call; an interpreter that ended (crash, kill) fails that call and is replaced at the next one.
/// A Python exception fails only its call, with the exception's last line.
/// </summary>
public sealed class AseCalculator(AseSettings settings) : ICalculator, IDisposable
{
    private readonly ConcurrentBag<AseBridgeProcess> _idle = [];
    private readonly ConcurrentDictionary<AseBridgeProcess, bool> _started = new();

    public string Name => "ase";

    public AseSettings Settings => settings;

    public CalculationResult Calculate(Structure structure, CancellationToken cancellationToken = default)
    {
        AseBridgeProcess? bridge = null;
        while (bridge is null && _idle.TryTake(out var idle))
            if (idle.HasEnded) _started.TryRemove(idle, out _);
            else bridge = idle;
        if (bridge is null)
        {
            try
            {
                bridge = AseBridgeProcess.Start(settings);
            }
            catch (AseBridgeException e)
            {
                return CalculationResult.Failed($"{settings.Description}: {e.Message}");
            }
            _started[bridge] = true;
        }
        try
        {
            return bridge.Evaluate(structure, cancellationToken);
        }
        finally
        {
            if (bridge.HasEnded) _started.TryRemove(bridge, out _);
            else _idle.Add(bridge);
        }
    }

    /// <summary>The interpreters now running (idle or busy): tests and the benchmark look at their sessions.</summary>
    public IReadOnlyCollection<AseBridgeProcess> Interpreters => [.. _started.Keys];

    /// <summary>Ends every interpreter.</summary>
    public void Dispose()
    {
        foreach (var bridge in _started.Keys) bridge.Dispose();
        _started.Clear();
        _idle.Clear();
    }
}
