using Laqa.TestSupport;

namespace Laqa.Calculators.Tests.Vasp;

/// <summary>
/// A POTCAR folder of fake POTCARs, one subfolder per label, each file holding only a header line such
/// as "PAW_PBE Si 05Jan2001" (real POTCARs are licensed and not in the repository).
/// </summary>
internal static class FakePotcars
{
    public static string Create(TempFolder folder, params string[] labels)
    {
        var root = folder.File("potpaw_PBE");
        foreach (var label in labels)
        {
            Directory.CreateDirectory(Path.Combine(root, label));
            File.WriteAllText(Path.Combine(root, label, "POTCAR"), $"  PAW_PBE {label} 05Jan2001\n fake POTCAR for tests\n End of Dataset\n");
        }
        return root;
    }
}
