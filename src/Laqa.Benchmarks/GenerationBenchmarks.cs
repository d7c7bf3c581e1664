namespace Laqa.Benchmarks;

public static class GenerationBenchmarks
{
    public static int Run(string[] args) => throw new NotImplementedException();
}
