using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Laqa.Calculators.Relaxation;

namespace Laqa.Engine.Serialization;

/// <summary>
/// The double arrays that grow with the atom count, written as one base64 string of their little-endian
/// IEEE 754 bytes: bit for bit (NaN payloads, infinities and −0 included) in 10⅔ characters a number
/// instead of up to 24. They are every double array of <see cref="OptimizerState"/> (FIRE's velocities,
/// BFGS's (3N+9)² Hessian) and <see cref="RelaxationStep"/> (forces and stress), and a structure's
/// fractional positions (<see cref="StructureJsonConverter"/>). Reading takes that string or the plain
/// number array ("NaN", "Infinity", "-Infinity" by name) that journals written before hold.
/// </summary>
public static class Base64Doubles
{
    /// <summary>Contract modifier: the double arrays of <see cref="OptimizerState"/> and <see cref="RelaxationStep"/> go through this class.</summary>
    public static void Apply(JsonTypeInfo info)
    {
        if (info.Type != typeof(OptimizerState) && info.Type != typeof(RelaxationStep)) return;
        foreach (var property in info.Properties)
            if (property.PropertyType == typeof(double[])) property.CustomConverter = new ArrayConverter();
            else if (property.PropertyType == typeof(IReadOnlyList<double>)) property.CustomConverter = new ListConverter();
    }

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<double> values)
    {
        var bytes = new byte[values.Count * sizeof(double)];
        for (var i = 0; i < values.Count; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        writer.WriteBase64StringValue(bytes);
    }

    /// <summary>A base64 string as <see cref="Write"/> makes it, or a plain array of numbers.</summary>
    public static double[] Read(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            return JsonSerializer.Deserialize<double[]>(ref reader, options) ?? throw new JsonException("null where numbers were expected");
        var bytes = reader.GetBytesFromBase64();
        if (bytes.Length % sizeof(double) != 0) throw new JsonException($"{bytes.Length} bytes are not a whole number of doubles");
        var values = new double[bytes.Length / sizeof(double)];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
        return values;
    }

    private sealed class ArrayConverter : JsonConverter<double[]>
    {
        public override double[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Base64Doubles.Read(ref reader, options);

        public override void Write(Utf8JsonWriter writer, double[] value, JsonSerializerOptions options) => Base64Doubles.Write(writer, value);
    }

    private sealed class ListConverter : JsonConverter<IReadOnlyList<double>>
    {
        public override IReadOnlyList<double> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Base64Doubles.Read(ref reader, options);

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<double> value, JsonSerializerOptions options) => Base64Doubles.Write(writer, value);
    }
}
