using Laqa.Crystal;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>One calculator shared by several threads must give each structure exactly the result a lone caller gets.</summary>
public static class ConcurrencyAssert
{
    public static void ParallelCallsMatchSequentialOnes(ICalculator calculator, Structure[] structures, int threads)
    {
        var sequential = structures.Select(s => calculator.Calculate(s)).ToArray();
        var parallel = new CalculationResult[structures.Length];
        Parallel.For(0, structures.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, k => parallel[k] = calculator.Calculate(structures[k]));
        for (var k = 0; k < structures.Length; k++)
        {
            Assert.Equal(sequential[k].Energy, parallel[k].Energy);
            Assert.Equal(sequential[k].Forces, parallel[k].Forces);
            Assert.Equal(sequential[k].Stress, parallel[k].Stress);
        }
    }
}
