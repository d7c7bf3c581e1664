using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Laqa.Crystal;

namespace Laqa.Engine.Hosting;

/// <summary>A node's port taken by another program, or an address it cannot have, is bad input: one line naming the address, before anything is written.</summary>
public static class ListenCheck
{
    /// <summary>
    /// Refuses a hostname that is no address of this machine and a fixed port that another program holds (checked by
    /// binding it for a moment; port 0 binds any free one), and a public hostname that is neither a host name nor an address.
    /// </summary>
    public static void Require(ClusterNode node)
    {
        // Other nodes would never reach such a node: it would wait for them for ever.
        if (node.PublicHostname.Length > 0 && Uri.CheckHostName(node.PublicHostname) == UriHostNameType.Unknown)
            throw new LaqaInputException($"public hostname \"{node.PublicHostname}\" (--public-hostname, laqa.cluster.public-hostname) is neither a host name nor an IP address");
        try
        {
            var address = node.Hostname is "0.0.0.0" or "" ? IPAddress.Any
                : IPAddress.TryParse(node.Hostname, out var ip) ? ip
                : Dns.GetHostAddresses(node.Hostname).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                  ?? throw new LaqaInputException($"--hostname {node.Hostname}: no IPv4 address of this machine has that name");
            using var listener = new TcpListener(address, node.Port);
            listener.Start();
        }
        catch (SocketException e)
        {
            throw new LaqaInputException($"cannot listen on {node.Hostname}:{node.Port} (--hostname, --port): {e.Message}");
        }
    }

    /// <summary>The actor system, or a <see cref="LaqaInputException"/>: its transport failing to bind (e.g. a port taken meanwhile), or a value Akka cannot read.</summary>
    public static ActorSystem Start(ActorSystemSetup setup, ClusterNode node)
    {
        try
        {
            return ActorSystem.Create(EngineConfig.SystemName, setup);
        }
        catch (Exception e) when (Inner<SocketException>(e) is { } socket)
        {
            throw new LaqaInputException($"cannot listen on {node.Hostname}:{node.Port} (--hostname, --port): {socket.Message}");
        }
        // Only the config's akka { } block can give Akka a value it cannot read: engine.conf's are tested.
        catch (Exception e) when ((Inner<ConfigurationException>(e) ?? (Exception?)Inner<FormatException>(e)) is { } bad)
        {
            throw new LaqaInputException($"the config's akka {{ }} block: {bad.Message}");
        }
    }

    private static T? Inner<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e is AggregateException a ? a.InnerExceptions.FirstOrDefault() : e.InnerException)
            if (e is T found) return found;
        return null;
    }
}
