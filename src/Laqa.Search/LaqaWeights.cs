namespace Laqa.Search;

/// <summary>LAQA weights wF (force term) and wS (stress term); CrySPY's defaults.</summary>
public sealed record LaqaWeights(double Force = 0.1, double Stress = 10.0);
