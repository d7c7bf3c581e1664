using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace Laqa.Engine.Hosting;

/// <summary>
/// Akka's log on stderr, one line per event with its cause's message but no stack trace. A node that
/// leaves or dies makes its peers' remoting report the closed connection as an error with a stack
/// trace: that is how a cluster works, not a fault, so it is not shown. No known secret is printed (<see cref="Secrets"/>).
/// </summary>
public sealed class OneLineLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    public OneLineLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e =>
        {
            // Akka.Remote keeps the exception type internal: matched by name.
            if (e is Error { Cause: { } closed } && closed.GetType().Name == "EndpointDisassociatedException") return;
            var cause = e is Error { Cause: { } c } ? $" ({c.GetType().Name}: {FirstLine(c.Message)})" : "";
            Console.Error.WriteLine(Secrets.Redact($"[{e.LogLevel().ToString().Replace("Level", "").ToUpperInvariant()}] {e.Timestamp:HH:mm:ss} {e.LogSource}: {FirstLine(e.Message?.ToString() ?? "")}{cause}"));
        });
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
