using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using Akka.Serialization;

namespace Laqa.Engine.Serialization;

/// <summary>
/// System.Text.Json serializer for every <see cref="ILaqaMessage"/>. The manifest is the type's
/// name, so persisted events do not depend on assembly versions. Doubles are written in shortest
/// round-trip form (NaN and infinities by name), those arrays that grow with the atom count in
/// <see cref="Base64Doubles"/>, and read back bit for bit.
/// </summary>
public sealed class LaqaJsonSerializer : SerializerWithStringManifest
{
    public const int SerializerId = 4711;

    private static readonly FrozenDictionary<string, Type> TypesByManifest = typeof(ILaqaMessage).Assembly.GetTypes()
        .Where(t => typeof(ILaqaMessage).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .ToFrozenDictionary(t => t.Name);

    private readonly JsonSerializerOptions _options;

    public LaqaJsonSerializer(ExtendedActorSystem system) : base(system)
    {
        _options = CreateOptions();
        _options.Converters.Add(new ActorRefJsonConverter(system));
    }

    public override int Identifier => SerializerId;

    /// <summary>Options for everything but actor references: structures, enums by name, named non-finite numbers, base64 arrays.</summary>
    public static JsonSerializerOptions CreateOptions() => new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new StructureJsonConverter(), new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Base64Doubles.Apply } },
    };

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), _options);

    public override object FromBinary(byte[] bytes, string manifest) => Deserialize(bytes, manifest, _options);

    /// <summary>
    /// A payload by its manifest, outside an actor system (reading a journal): options from
    /// <see cref="CreateOptions"/> suffice for every message that holds no actor reference.
    /// </summary>
    public static object Deserialize(byte[] bytes, string manifest, JsonSerializerOptions options) =>
        TypesByManifest.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type, options) ?? throw new System.Runtime.Serialization.SerializationException($"null payload for {manifest}")
            : throw new System.Runtime.Serialization.SerializationException($"unknown Laqa message manifest '{manifest}'");

    public override string Manifest(object o) => o.GetType().Name;
}
