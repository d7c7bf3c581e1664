using System.Globalization;
using Laqa.Crystal;

namespace Laqa.Cli;

/// <summary>
/// The external pressure p (eV/Å³) a campaign's cells relaxed under, as the outputs show it: under
/// pressure they add the enthalpy per atom H/N = E/N + pV/N they rank by; at zero pressure H = E and
/// they show the energy alone.
/// </summary>
public static class ExternalPressure
{
    public static bool IsZero(double pressure) => pressure == 0;

    /// <summary>p in GPa, as the config gives it (six significant digits, so 15 GPa is not 14.999999999999998).</summary>
    public static string GPa(double pressure) => PressureUnits.ToGPa(pressure).ToString("G6", CultureInfo.InvariantCulture);
}
