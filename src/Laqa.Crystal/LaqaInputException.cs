namespace Laqa.Crystal;

/// <summary>
/// Bad user input (composition, config key, structure file line, potential file).
/// The message is one line that names the cause; the CLI prints it and exits with code 2.
/// </summary>
public sealed class LaqaInputException(string message) : Exception(message);
