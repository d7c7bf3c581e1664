using Laqa.Calculators.Potentials;
using Xunit;

namespace Laqa.Calculators.Tests.Potentials;

/// <summary>One calculator shared by several threads gives each structure the same result as a lone caller.</summary>
public class ConcurrencyTests
{
    [Theory]
    [InlineData("si-tersoff")]
    [InlineData("si-sw")]
    [InlineData("lj-airss")]
    public void ParallelCallsMatchSequentialOnes(string preset)
    {
        var calculator = PotentialPresets.Create(preset);
        // Different sizes, so per-thread scratch buffers of different lengths are in play.
        var structures = Enumerable.Range(0, 24)
            .Select(k => k % 3 == 0
                ? TestStructures.Rattled(TestStructures.Supercell(TestStructures.Diamond(5.43), 2), k, 0.2, 0.04)
                : TestStructures.Random(100 + k, 2 + k % 7, ["Si"], 17, 2.15))
            .ToArray();
        ConcurrencyAssert.ParallelCallsMatchSequentialOnes(calculator, structures, threads: 4);
    }
}
