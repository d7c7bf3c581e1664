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

