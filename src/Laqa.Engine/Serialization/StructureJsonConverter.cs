using System.Text.Json;
using System.Text.Json.Serialization;
using Laqa.Crystal;

namespace Laqa.Engine.Serialization;

/// <summary>
/// A structure as {"lattice": [9 numbers, rows a b c], "species": [...], "fractional": 3n numbers}, the lattice in
/// shortest round-trip form and the fractional positions in <see cref="Base64Doubles"/> (either form is read), so a
/// structure reads back bit for bit.
/// </summary>
public sealed class StructureJsonConverter : JsonConverter<Structure>
{
    public override Structure Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("structure must be an object");
        double[]? lattice = null, fractional = null;
        string[]? species = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "lattice": lattice = Base64Doubles.Read(ref reader, options); break;
                case "species": species = JsonSerializer.Deserialize<string[]>(ref reader, options); break;
                case "fractional": fractional = Base64Doubles.Read(ref reader, options); break;
                default: reader.Skip(); break;
            }
        }
        if (lattice is not { Length: 9 } || species is null || fractional is null || fractional.Length != 3 * species.Length)
            throw new JsonException("structure needs 9 lattice numbers and 3 fractional numbers per species entry");
        var rows = new Lattice(new Vec3(lattice[0], lattice[1], lattice[2]), new Vec3(lattice[3], lattice[4], lattice[5]),
            new Vec3(lattice[6], lattice[7], lattice[8]));
        var positions = new Vec3[species.Length];
        for (var i = 0; i < positions.Length; i++)
            positions[i] = new Vec3(fractional[3 * i], fractional[3 * i + 1], fractional[3 * i + 2]);
        return new Structure(rows, species, positions);
    }

    public override void Write(Utf8JsonWriter writer, Structure value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("lattice");
        for (var i = 0; i < 3; i++)
        {
            var row = value.Lattice[i];
            writer.WriteNumberValue(row.X);
            writer.WriteNumberValue(row.Y);
            writer.WriteNumberValue(row.Z);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("species");
        foreach (var s in value.Species) writer.WriteStringValue(s);
        writer.WriteEndArray();
        writer.WritePropertyName("fractional");
        Base64Doubles.Write(writer, [.. value.Fractional.SelectMany(f => new[] { f.X, f.Y, f.Z })]);
        writer.WriteEndObject();
    }
}
