namespace Laqa.Search.Campaign;

/// <summary>One Lennard-Jones pair: ε (eV), σ and the cut-off (Å); a species "*" matches any species without a pair of its own.</summary>
public sealed record LennardJonesPairSpec(string SpeciesA, string SpeciesB, double Epsilon, double Sigma, double Cutoff);

/// <summary>Explicit Lennard-Jones parameters: the truncation form (plain, shifted, shifted-force) and the pairs, sorted.</summary>
public sealed record LennardJonesCalculatorSpec(string Form, EquatableList<LennardJonesPairSpec> Pairs) : CalculatorSpec
{
    public static readonly IReadOnlyList<string> Forms = ["plain", "shifted", "shifted-force"];

    public override IEnumerable<(string Key, string Value)> Settings()
    {
        yield return ("lennard-jones.form", Form);
        foreach (var p in Pairs)
        {
            var key = $"lennard-jones.pairs.{p.SpeciesA}-{p.SpeciesB}";
            yield return ($"{key}.epsilon", SettingText.Number(p.Epsilon));
            yield return ($"{key}.sigma", SettingText.Number(p.Sigma));
            yield return ($"{key}.cutoff", SettingText.Number(p.Cutoff));
        }
    }
}
