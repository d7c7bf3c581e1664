namespace Laqa.Search.Campaign;

/// <summary>The fixed charge of one species, in units of e.</summary>
public sealed record IonChargeSpec(string Species, double Charge);

/// <summary>
/// The short-range term of one pair of ions, Born–Mayer–Huggins E(r) = A exp((σ − r)/ρ) − C/r⁶ − D/r⁸
/// (eV, Å); Buckingham is σ = 0, D = 0, and A = C = D = 0 leaves the pair to Coulomb alone.
/// </summary>
public sealed record RigidIonPairSpec(string SpeciesA, string SpeciesB, double A, double Rho, double Sigma, double C, double D);

/// <summary>Explicit rigid-ion parameters: charges, the short-range cut-off (Å) and the pairs, each sorted.</summary>
public sealed record RigidIonCalculatorSpec(EquatableList<IonChargeSpec> Charges, double Cutoff, EquatableList<RigidIonPairSpec> Pairs) : CalculatorSpec
{
    public override IEnumerable<(string Key, string Value)> Settings()
    {
        foreach (var q in Charges) yield return ($"rigid-ion.charges.{q.Species}", SettingText.Number(q.Charge));
        yield return ("rigid-ion.cutoff", SettingText.Number(Cutoff));
        foreach (var p in Pairs)
        {
            var key = $"rigid-ion.pairs.{p.SpeciesA}-{p.SpeciesB}";
            yield return ($"{key}.a", SettingText.Number(p.A));
            yield return ($"{key}.rho", SettingText.Number(p.Rho));
            yield return ($"{key}.sigma", SettingText.Number(p.Sigma));
            yield return ($"{key}.c", SettingText.Number(p.C));
            yield return ($"{key}.d", SettingText.Number(p.D));
        }
    }
}
