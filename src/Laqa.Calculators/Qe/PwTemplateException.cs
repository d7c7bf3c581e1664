namespace Laqa.Calculators.Qe;

/// <summary>A pw.x template laqa cannot use: a namelist it cannot read, a key or card laqa writes itself; the message names the file and line.</summary>
public sealed class PwTemplateException(string message) : Exception(message);
