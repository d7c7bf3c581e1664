namespace Laqa.Calculators.Ase;

/// <summary>The bridge could not build the calculator: the interpreter did not start or Python raised; the message is Python's last line.</summary>
public sealed class AseBridgeException(string message) : Exception(message);
