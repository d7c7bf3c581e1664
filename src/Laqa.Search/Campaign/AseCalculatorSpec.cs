namespace Laqa.Search.Campaign;

/// <summary>A keyword argument of an ASE calculator, its value as written in the config.</summary>
public sealed record AseArgumentSpec(string Key, string Value);

/// <summary>
/// An ASE calculator in Python behind laqa's bridge: the interpreter, and either "module:Name"
/// (<see cref="Calculator"/>) or a user file defining make_calculator() (its full path, its text read
/// when the config was loaded and the SHA-256 of its bytes, so that an edited file defines another
/// campaign), with keyword arguments sorted by key.
/// </summary>
public sealed record AseCalculatorSpec(
    string Python,
    string? Calculator,
    string? CalculatorFile,
    string? CalculatorFileSource,
    string? CalculatorFileSha256,
    EquatableList<AseArgumentSpec> Arguments) : CalculatorSpec
{
    public override IEnumerable<(string Key, string Value)> Settings()
    {
        yield return ("ase.python", Python);
        if (Calculator is not null) yield return ("ase.calculator", Calculator);
        else
        {
            yield return ("ase.calculator-file", CalculatorFile!);
            yield return ("ase.calculator-file.sha256", CalculatorFileSha256!);
        }
        foreach (var a in Arguments) yield return ($"ase.arguments.{a.Key}", a.Value);
    }
}
