namespace Laqa.Search.Campaign;

/// <summary>A file a LAMMPS pair_coeff reads: its full path and the SHA-256 of its bytes.</summary>
public sealed record LammpsPotentialFileSpec(string Path, string Sha256);

/// <summary>The mass (u) of one element's LAMMPS atom type.</summary>
public sealed record LammpsMassSpec(string Element, double Mass);

/// <summary>
/// LAMMPS through its library, units metal: atom types 1, 2, ... are the composition's elements in
/// order (with their masses), the pair_style and pair_coeff lines (the files' names replaced by their
/// full paths), the potential files with their SHA-256 (an edited file defines another campaign),
/// optional charges per element (atom_style charge) and an optional kspace_style.
/// </summary>
public sealed record LammpsCalculatorSpec(
    EquatableList<LammpsMassSpec> Types,
    string PairStyle,
    EquatableList<string> PairCoeff,
    EquatableList<LammpsPotentialFileSpec> Files,
    EquatableList<IonChargeSpec>? Charges,
    string? KSpaceStyle) : CalculatorSpec
{
    public override IEnumerable<(string Key, string Value)> Settings()
    {
        yield return ("lammps.units", "metal");
        yield return ("lammps.types", string.Join(' ', Types.Select(t => t.Element)));
        foreach (var t in Types) yield return ($"lammps.masses.{t.Element}", SettingText.Number(t.Mass));
        yield return ("lammps.pair-style", PairStyle);
        for (var i = 0; i < PairCoeff.Count; i++) yield return ($"lammps.pair-coeff.{i}", PairCoeff[i]);
        foreach (var f in Files) yield return ($"lammps.files.{f.Path}.sha256", f.Sha256);
        if (Charges is not null)
            foreach (var q in Charges) yield return ($"lammps.charges.{q.Species}", SettingText.Number(q.Charge));
        yield return ("lammps.kspace-style", KSpaceStyle ?? "none");
    }
}
