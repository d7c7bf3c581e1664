using System.Globalization;

namespace Laqa.Search.Campaign;

/// <summary>How a number is written in the list of campaign-defining settings: round-trip, invariant culture.</summary>
internal static class SettingText
{
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
