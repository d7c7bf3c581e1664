namespace Laqa.Engine.Hosting;

/// <summary>
/// A worker node (`laqa worker`): the campaign node to join ("host:port"), this node's address, its
/// number of workers (null: one per processor) and how long the first join may take.
/// </summary>
public sealed record WorkerNodeOptions(string Join, ClusterNode Node, int? Workers, TimeSpan JoinTimeout);
