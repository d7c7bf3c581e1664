namespace Laqa.Benchmarks;

public static class CalculatorBenchmarks
{
    public static int Run(string[] args) => throw new NotImplementedException();
}
