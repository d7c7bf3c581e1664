using Akka.Actor;

namespace Laqa.Engine.Hosting;

/// <summary>"host:port" of the node an actor lives on, as the status names nodes.</summary>
public static class NodeAddress
{
    public static string Of(Address address) => address.HasGlobalScope ? $"{address.Host}:{address.Port}" : address.ToString();

    /// <summary>A local actor's address carries no host: it lives on this node, whose address the provider knows.</summary>
    public static string Of(IActorRef actor, ActorSystem system) =>
        Of(actor.Path.Address.HasLocalScope ? ((ExtendedActorSystem)system).Provider.DefaultAddress : actor.Path.Address);
}
