namespace Laqa.Benchmarks;

public static class EngineBenchmarks
{
    public static int Run(string[] args) => throw new NotImplementedException();
}
