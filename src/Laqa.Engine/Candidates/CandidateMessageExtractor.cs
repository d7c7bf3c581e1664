using System.Globalization;
using Akka.Cluster.Sharding;

namespace Laqa.Engine.Candidates;

/// <summary>
/// Routes <see cref="ICandidateCommand"/>s: entity id = candidate id, shard = id mod <see cref="ShardCount"/>
/// (stable across processes, unlike string hash codes).
/// </summary>
public sealed class CandidateMessageExtractor : IMessageExtractor
{
    /// <summary>Shards to spread the candidates over the nodes; a few per node is enough.</summary>
    public const int ShardCount = 16;

    public string? EntityId(object message) => message switch
    {
        ICandidateCommand c => c.CandidateId.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public object? EntityMessage(object message) => message;

    public string? ShardId(object message) => EntityId(message) is { } id ? ShardId(id, message) : null;

    public string ShardId(string entityId, object? messageHint = null) =>
        (int.Parse(entityId, CultureInfo.InvariantCulture) % ShardCount).ToString(CultureInfo.InvariantCulture);
}
