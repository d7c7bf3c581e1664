using Laqa.Crystal;

namespace Laqa.Engine;

/// <summary>
/// Makes candidate i's initial structure. Must depend only on the campaign (seed) and i, so that a
/// campaign resumed on any node generates the same candidates. May throw: the generation is then
/// retried and finally the candidate fails.
/// </summary>
public interface IStructureSource
{
    InitialStructure Generate(int candidateId, CancellationToken cancellationToken);
}

/// <summary>
/// A candidate's initial structure and, when it was generated in a space group, that group's number: after a rattle
/// the structure itself no longer shows it.
/// </summary>
public sealed record InitialStructure(Structure Structure, int? GeneratedSpaceGroup = null);
