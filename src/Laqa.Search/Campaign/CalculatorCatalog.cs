namespace Laqa.Search.Campaign;

/// <summary>
/// The calculator presets a campaign may name, each with the parameter names it accepts as
/// overrides (null: any name is passed through to the calculator, which checks it).
/// </summary>
public sealed class CalculatorCatalog(IReadOnlyDictionary<string, IReadOnlyCollection<string>?> presets)
{
    public static readonly CalculatorCatalog Default = new(new Dictionary<string, IReadOnlyCollection<string>?>
    {
        ["si-tersoff"] = null,
        ["si-sw"] = null,
        ["nacl-bmh"] = null,
        ["al2o3-bush"] = null,
        ["lj-airss"] = null,
    });

    public IEnumerable<string> Presets => presets.Keys.Order(StringComparer.Ordinal);

    public bool Contains(string preset) => presets.ContainsKey(preset);

    public IReadOnlyCollection<string>? ParametersOf(string preset) => presets.GetValueOrDefault(preset);
}
