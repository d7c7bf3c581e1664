using System.Security.Cryptography;
using System.Text;

namespace Laqa.Search.Campaign;

/// <summary>
/// A LAMMPS potential file (*.tersoff or *.sw): its full path and the text read from it when the
/// config was loaded, so that an edited file defines another campaign.
/// </summary>
public sealed record LammpsFileCalculatorSpec(string Path, string Contents) : CalculatorSpec
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Contents)));

    public override IEnumerable<(string Key, string Value)> Settings() => [("lammps-file", Path), ("lammps-file.sha256", Sha256)];
}
