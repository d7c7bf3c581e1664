namespace Laqa.Calculators.Qe;

/// <summary>pw.x output that cannot be read: garbage, a truncated block, or numbers pw.x could not print; the message names the file and line.</summary>
public sealed class PwOutputException(string message) : Exception(message);
