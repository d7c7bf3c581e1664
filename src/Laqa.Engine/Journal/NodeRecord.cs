namespace Laqa.Engine.Journal;

/// <summary>
/// A node as the campaign's journal knows it: address ("host:port"), roles, calculator workers, when it
/// started working for the campaign, when and how it went (left, downed, or "gone with the previous run",
/// dated at the campaign node's next start; null while it works), and the batches it ran that were applied.
/// </summary>
public sealed record NodeRecord(string Address, string[] Roles, int Workers, DateTimeOffset UpSince, DateTimeOffset? GoneAt, string? How, int Batches);
