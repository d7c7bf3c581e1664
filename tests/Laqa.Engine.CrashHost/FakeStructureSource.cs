using Laqa.Crystal;

namespace Laqa.Engine.CrashHost;

/// <summary>Test double: candidate i's structure from the fake model.</summary>
public sealed class FakeStructureSource(FakeModel model) : IStructureSource
{
    public Structure Generate(int candidateId, CancellationToken cancellationToken) => model.StructureOf(candidateId);
}
