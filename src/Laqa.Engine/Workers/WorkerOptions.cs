namespace Laqa.Engine.Workers;

/// <summary>
/// What a calculator worker needs to know about its campaign: the fingerprint it works for, how long
/// one job may run, and how often a result not yet settled (or a batch state not yet received) is
/// sent (asked for) again. Stopping is cancelled when this node has been told to stop (a signal): from then on
/// no job starts, the jobs waiting are given back, and a batch that fails is given back rather than failing its candidate.
/// </summary>
public sealed record WorkerOptions(string Fingerprint, TimeSpan BatchTimeout, TimeSpan ResendInterval, CancellationToken Stopping = default);
