namespace Laqa.Engine.Workers;

/// <summary>A worker node that leaves → each of its workers: give the jobs back to the selector and stop; answered with <see cref="JobsHandedBack"/>.</summary>
public sealed record HandBackJobs;

public sealed record JobsHandedBack;
