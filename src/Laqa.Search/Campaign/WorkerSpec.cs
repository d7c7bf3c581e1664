namespace Laqa.Search.Campaign;

/// <summary>
/// Calculator workers on this node (null: one per processor), how long one batch may run before
/// it is re-dispatched, how many re-dispatches a batch gets before its candidate fails, and how
/// many jobs each worker holds beyond the one it runs (Prefetch). On a stop (Ctrl+C, SIGTERM) the
/// batches in flight may finish within StopGracePeriod; after it they are abandoned and run again on resume.
/// </summary>
public sealed record WorkerSpec(int? Count, TimeSpan BatchTimeout, int MaxRetries, int Prefetch)
{
    public static readonly WorkerSpec Default = new(null, TimeSpan.FromMinutes(10), 3, 1);

    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a result not yet taken in by the campaign is sent again (a result is never dropped).</summary>
    public TimeSpan ResendInterval { get; init; } = TimeSpan.FromSeconds(10);

    public int EffectiveCount => Count ?? Environment.ProcessorCount;
}
