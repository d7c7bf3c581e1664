namespace Laqa.Search.Campaign;

public sealed record CalculatorParameter(string Name, double Value);

/// <summary>An embedded calculator preset (e.g. si-tersoff) and overrides of its parameters, sorted by name.</summary>
public sealed record CalculatorSpec(string Preset, EquatableList<CalculatorParameter> Parameters)
{
    public static readonly CalculatorSpec Default = new("si-tersoff", EquatableList<CalculatorParameter>.Empty);

    public double? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name)?.Value;
}
