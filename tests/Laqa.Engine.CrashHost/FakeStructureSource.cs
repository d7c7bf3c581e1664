using Laqa.Crystal;

namespace Laqa.Engine.CrashHost;

/// <summary>Test double: candidate i's structure from the fake model.</summary>
public sealed class FakeStructureSource(FakeModel model) : IStructureSource
{
    public InitialStructure Generate(int candidateId, CancellationToken cancellationToken) => new(model.StructureOf(candidateId));
}
