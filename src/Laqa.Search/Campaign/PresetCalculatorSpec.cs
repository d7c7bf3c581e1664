namespace Laqa.Search.Campaign;

/// <summary>An embedded potential preset by name (e.g. si-tersoff).</summary>
public sealed record PresetCalculatorSpec(string Name) : CalculatorSpec
{
    public override IEnumerable<(string Key, string Value)> Settings() => [("preset", Name)];
}
