using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Laqa.Crystal.Tests;

/// <summary>
/// Runs a reference script with Debian's /usr/bin/python3 (ASE, spglib, pymatgen), feeding JSON on
/// stdin and parsing the one JSON document it prints. The script is inline code, or a file name
/// ending in .py from the test's Python folder. Test classes batch their questions into one call.
/// </summary>
internal static class PythonReference
{
    public const string Interpreter = "/usr/bin/python3";

    public static JsonElement Run(string script, object? input = null)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (script.EndsWith(".py", StringComparison.Ordinal))
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Python", script));
        else
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
        }
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Interpreter}");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input is JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(input));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"reference script failed ({process.ExitCode}): {stderr.Result}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    public static double[] Doubles(this JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];

    public static double[][] Matrix(this JsonElement e) => [.. e.EnumerateArray().Select(Doubles)];

    public static JsonObject ToJson(Structure s) => new()
    {
        ["cell"] = new JsonArray([.. Enumerable.Range(0, 3).Select(i => (JsonNode)Vector(s.Lattice[i]))]),
        ["species"] = new JsonArray([.. s.Species.Select(x => (JsonNode)JsonValue.Create(x))]),
        ["frac"] = new JsonArray([.. s.Fractional.Select(f => (JsonNode)Vector(f))]),
    };

    /// <summary>A structure from {"cell", "species", "frac"} as the scripts print it.</summary>
    public static Structure ToStructure(JsonElement e)
    {
        var cell = e.GetProperty("cell");
        var lattice = new Lattice(ToVec3(cell[0]), ToVec3(cell[1]), ToVec3(cell[2]));
        return new Structure(lattice,
            e.GetProperty("species").EnumerateArray().Select(x => x.GetString()!),
            e.GetProperty("frac").EnumerateArray().Select(ToVec3));
    }

    public static Vec3 ToVec3(JsonElement e) => new(e[0].GetDouble(), e[1].GetDouble(), e[2].GetDouble());

    private static JsonArray Vector(Vec3 v) => [v.X, v.Y, v.Z];
}
