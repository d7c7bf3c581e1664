namespace Laqa.Crystal;

/// <summary>
/// A Niggli-reduced lattice and the unimodular integer matrix that made it: the reduced rows are
/// Transformation · (rows of the original), so reduced a = Σ_j T[0, j] · original row j.
/// </summary>
public sealed record NiggliCell(Lattice Lattice, int[,] Transformation);
