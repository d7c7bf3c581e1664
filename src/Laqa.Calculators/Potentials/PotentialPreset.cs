namespace Laqa.Calculators.Potentials;

/// <summary>A named, ready-to-use potential: its name, what it is and where its parameters come from, and how to build it.</summary>
public sealed record PotentialPreset(string Name, string Description, Func<ICalculator> Create);
