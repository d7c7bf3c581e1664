namespace Laqa.Engine.Serialization;

/// <summary>
/// Marker for every message, persisted event and snapshot state of the engine: HOCON binds it to
/// <see cref="LaqaJsonSerializer"/>, so nothing of ours ever falls back to Akka's default serializer.
/// </summary>
public interface ILaqaMessage;
