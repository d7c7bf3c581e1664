using System.Globalization;
using Akka.Actor;

namespace Laqa.Engine.Hosting;

/// <summary>"host:port" of an engine node, as `laqa worker --join` and laqa.cluster.seed-nodes take it.</summary>
public static class ClusterAddress
{
    public const int MaxPort = 65535;

    public static bool TryParse(string text, out Address address, bool tls = false)
    {
        address = Address.AllSystems;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > MaxPort)
            return false;
        address = new Address(tls ? "akka.ssl.tcp" : "akka.tcp", EngineConfig.SystemName, text[..colon], port);
        return true;
    }

    public static Address Parse(string text, bool tls = false) =>
        TryParse(text, out var address, tls) ? address : throw new Crystal.LaqaInputException($"expected \"host:port\" with a port 1-{MaxPort}, got \"{text}\"");
}
