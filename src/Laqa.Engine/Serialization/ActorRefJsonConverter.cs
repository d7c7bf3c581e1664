using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace Laqa.Engine.Serialization;

/// <summary>An actor reference as its full serialized path (with the node's address), resolved on reading.</summary>
public sealed class ActorRefJsonConverter(ExtendedActorSystem system) : JsonConverter<IActorRef>
{
    public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        system.Provider.ResolveActorRef(reader.GetString() ?? throw new JsonException("actor path missing"));

    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Akka.Serialization.Serialization.SerializedActorPath(value));
}
