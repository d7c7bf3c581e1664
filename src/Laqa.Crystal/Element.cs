namespace Laqa.Crystal;

/// <summary>A chemical element: symbol, atomic number Z, standard atomic mass (u) and covalent radius (Å).</summary>
public sealed record Element(string Symbol, int AtomicNumber, double Mass, double CovalentRadius);
