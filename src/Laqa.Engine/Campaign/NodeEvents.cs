using Laqa.Engine.Serialization;

namespace Laqa.Engine.Campaign;

/// <summary>Campaign event: a node ("host:port") with these roles and calculator workers started working for the campaign.</summary>
public sealed record NodeJoined(string Address, string[] Roles, int Workers, DateTimeOffset At) : ILaqaMessage;

/// <summary>Campaign event: a worker node left the cluster, How = "left" (it said so) or "downed" (it was unreachable).</summary>
public sealed record NodeLeft(string Address, string How, DateTimeOffset At) : ILaqaMessage;
