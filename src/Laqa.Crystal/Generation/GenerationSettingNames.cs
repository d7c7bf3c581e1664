namespace Laqa.Crystal.Generation;

/// <summary>
/// How the caller names the generation settings, for error messages: the cell choice as a format
/// with {0} for the value (e.g. "--cell {0}"), and the space-group selection (e.g. "--spg").
/// </summary>
public sealed record GenerationSettingNames(string CellFormat, string SpaceGroups)
{
    public string Cell(bool primitive) => string.Format(CellFormat, primitive ? "primitive" : "conventional");
}
