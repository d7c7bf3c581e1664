using System.Collections;
using System.Reflection;
using Akka.Actor;
using Xunit.Sdk;

namespace Laqa.Engine.Tests;

/// <summary>
/// Walks a message as data: its public properties, recursively, down to numbers, strings and actor
/// references. Equal means every member equal, doubles bit for bit (NaN payloads and −0 included),
/// sequences element by element, actor references by path and uid, times with their offset.
/// </summary>
public static class MessageGraph
{
    private const int MaxDepth = 12;

    /// <summary>Throws naming the first member (as a path from the root) that differs.</summary>
    public static void AssertSame(object? expected, object? actual) => Compare(expected, actual, expected?.GetType().Name ?? "null", 0);

    /// <summary>Every actor reference the message holds.</summary>
    public static IReadOnlyList<IActorRef> ActorRefs(object message)
    {
        var found = new List<IActorRef>();
        Collect(message, found, 0);
        return found;
    }

    private static void Compare(object? expected, object? actual, string path, int depth)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null) throw Differs(path, expected, actual);
            return;
        }
        if (depth > MaxDepth) throw new XunitException($"{path}: nested deeper than {MaxDepth}");
        switch (expected)
        {
            case double d:
                if (actual is not double a || BitConverter.DoubleToInt64Bits(d) != BitConverter.DoubleToInt64Bits(a))
                    throw Differs(path, $"{d:R} (0x{BitConverter.DoubleToInt64Bits(d):X16})", actual is double b ? $"{b:R} (0x{BitConverter.DoubleToInt64Bits(b):X16})" : actual);
                return;
            case DateTimeOffset at:
                if (actual is not DateTimeOffset arrived || !at.EqualsExact(arrived)) throw Differs(path, expected, actual);
                return;
            case IActorRef or string or Enum or Guid or int or long or bool or TimeSpan:
                if (!expected.Equals(actual)) throw Differs(path, expected, actual);
                return;
            case IEnumerable sequence:
                if (actual is not IEnumerable other) throw Differs(path, expected, actual);
                var left = sequence.Cast<object?>().ToList();
                var right = other.Cast<object?>().ToList();
                if (left.Count != right.Count) throw new XunitException($"{path}: {left.Count} elements expected, {right.Count} arrived");
                for (var i = 0; i < left.Count; i++) Compare(left[i], right[i], $"{path}[{i}]", depth + 1);
                return;
        }
        if (expected.GetType() != actual.GetType()) throw Differs(path, expected.GetType(), actual.GetType());
        foreach (var property in Properties(expected.GetType()))
            Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}", depth + 1);
    }

    private static void Collect(object? value, List<IActorRef> found, int depth)
    {
        switch (value)
        {
            case null or string or ValueType when value is not IEnumerable:
                return;
            case IActorRef actor:
                found.Add(actor);
                return;
            case IEnumerable<double>:
                return;
            case IEnumerable sequence:
                foreach (var item in sequence) Collect(item, found, depth + 1);
                return;
        }
        if (depth > MaxDepth) return;
        foreach (var property in Properties(value.GetType())) Collect(property.GetValue(value), found, depth + 1);
    }

    /// <summary>Public instance properties, indexers aside.</summary>
    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    private static XunitException Differs(string path, object? expected, object? actual) => new($"{path}: expected {expected ?? "null"}, arrived {actual ?? "null"}");
}
