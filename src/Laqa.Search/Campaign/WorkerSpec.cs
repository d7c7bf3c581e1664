namespace Laqa.Search.Campaign;

/// <summary>
/// Calculator workers on this node (null: one per processor), how long one batch may run before
/// it is re-dispatched, and how many re-dispatches a batch gets before its candidate fails.
/// </summary>
public sealed record WorkerSpec(int? Count, TimeSpan BatchTimeout, int MaxRetries)
{
    public static readonly WorkerSpec Default = new(null, TimeSpan.FromMinutes(10), 3);

    public int EffectiveCount => Count ?? Environment.ProcessorCount;
}
