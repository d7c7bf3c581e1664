namespace Laqa.Engine.Workers;

/// <summary>How a job run off the actor thread ended: a value, or the reason it failed; TimedOut when it was abandoned past its time limit and may still be running.</summary>
public sealed record JobOutcome<T>(T? Value, string? Failure, bool TimedOut = false) where T : class;
