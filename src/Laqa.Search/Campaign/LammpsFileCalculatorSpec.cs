namespace Laqa.Search.Campaign;

/// <summary>
/// A LAMMPS potential file (*.tersoff or *.sw): its full path, the text read from it when the config
/// was loaded and the SHA-256 of its bytes, so that an edited file defines another campaign.
/// </summary>
public sealed record LammpsFileCalculatorSpec(string Path, string Contents, string Sha256) : CalculatorSpec
{
    public override IEnumerable<(string Key, string Value)> Settings() => [("lammps-file", Path), ("lammps-file.sha256", Sha256)];
}
