using Laqa.Calculators.Relaxation;

namespace Laqa.Calculators.Tests.Relaxation;

/// <summary>Both algorithms by the name tests are parametrised with, "fire" and "bfgs" (ASE's class names in lower case).</summary>
internal static class Relaxers
{
    public static IRelaxer Create(string algorithm, ICalculator calculator, RelaxationOptions? options = null) => algorithm switch
    {
        "fire" => new FireRelaxer(calculator, options),
        "bfgs" => new BfgsRelaxer(calculator, options),
        _ => throw new ArgumentException(algorithm),
    };

    public static string AseClass(string algorithm) => algorithm.ToUpperInvariant();
}
