namespace Laqa.Engine.Workers;

/// <summary>Runs blocking work on the thread pool with a time limit.</summary>
public static class TimedJob
{
    /// <summary>
    /// Runs work with a token cancelled after timeout; if the work neither finishes nor honours the
    /// token by then it is abandoned (left to finish on its own) and the outcome says it timed out.
    /// Exceptions become failures naming the exception. Abandon cancels the work's token at once (the
    /// worker stopping); the outcome of abandoned work is never looked at.
    /// </summary>
    public static async Task<JobOutcome<T>> Run<T>(Func<CancellationToken, T> work, TimeSpan timeout, CancellationToken abandon = default) where T : class
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(abandon);
        cts.CancelAfter(timeout);
        var task = Task.Run(() => work(cts.Token), CancellationToken.None);
        var finished = await Task.WhenAny(task, Task.Delay(timeout + TimeSpan.FromMilliseconds(100), CancellationToken.None)).ConfigureAwait(false);
        if (finished != task || (task.IsCanceled || task.Exception?.InnerException is OperationCanceledException) && cts.IsCancellationRequested)
            return abandon.IsCancellationRequested
                ? new JobOutcome<T>(null, "abandoned: the worker stopped")
                : new JobOutcome<T>(null, $"timed out after {timeout.TotalSeconds:G4} s", TimedOut: true);
        return task.IsCompletedSuccessfully
            ? new JobOutcome<T>(task.Result, null)
            : new JobOutcome<T>(null, Describe(task.Exception?.InnerException));
    }

    private static string Describe(Exception? e) => e is null ? "cancelled" : $"{e.GetType().Name}: {e.Message}";
}
