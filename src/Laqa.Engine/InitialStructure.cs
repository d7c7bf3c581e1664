using Laqa.Crystal;

namespace Laqa.Engine;

/// <summary>
/// A candidate's initial structure and, when it was generated in a space group, that group's number: after a rattle
/// the structure itself no longer shows it.
/// </summary>
public sealed record InitialStructure(Structure Structure, int? GeneratedSpaceGroup = null);
