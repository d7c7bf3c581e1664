using Laqa.Crystal.Symmetry;

namespace Laqa.Crystal.Tests.Symmetry;

public class WyckoffPositionTests
{
    private const double Tolerance = 1e-9; // fractional, per coordinate

    [Fact]
    public void The230GroupsHave1731Positions()
    {
        Assert.Equal(1731, SpaceGroups.All.Sum(g => g.WyckoffPositions.Length));
        Assert.Single(SpaceGroups.Get(1).WyckoffPositions);
        Assert.Equal(14, SpaceGroups.Get(221).WyckoffPositions.Length);
        Assert.Equal(12, SpaceGroups.Get(225).WyckoffPositions.Length);
        Assert.Equal(9, SpaceGroups.Get(227).WyckoffPositions.Length);
        Assert.Equal(8, SpaceGroups.Get(230).WyckoffPositions.Length);
    }

    // Multiplicities in letter order, from the International Tables vol. A.
    [Theory]
    [InlineData(14, new[] { 2, 2, 2, 2, 4 })]
    [InlineData(62, new[] { 4, 4, 4, 8 })]
    [InlineData(194, new[] { 2, 2, 2, 2, 4, 4, 6, 6, 12, 12, 12, 24 })]
    [InlineData(221, new[] { 1, 1, 3, 3, 6, 6, 8, 12, 12, 12, 24, 24, 24, 48 })]
    [InlineData(225, new[] { 4, 4, 8, 24, 24, 32, 48, 48, 48, 96, 96, 192 })]
    [InlineData(227, new[] { 8, 8, 16, 16, 32, 48, 96, 96, 192 })]
    [InlineData(229, new[] { 2, 6, 8, 12, 12, 16, 24, 24, 48, 48, 48, 96 })]
    [InlineData(230, new[] { 16, 16, 24, 24, 32, 48, 48, 96 })]
    public void MultiplicitiesFollowTheInternationalTables(int number, int[] multiplicities)
    {
        var group = SpaceGroups.Get(number);
        Assert.Equal(multiplicities, group.WyckoffPositions.Select(w => w.Multiplicity));
        Assert.All(group.WyckoffPositions, w => Assert.Equal(group.Order, w.Multiplicity * w.SiteSymmetryOrder));
    }

    // The Tables letter from the highest site symmetry down: 'a' has the smallest multiplicity, the general position is last.
    [Fact]
    public void LettersRunInOrderOfMultiplicityToTheGeneralPosition()
    {
        foreach (var group in SpaceGroups.All)
        {
            var positions = group.WyckoffPositions;
            Assert.Equal(positions.Select((_, i) => i < 26 ? ((char)('a' + i)).ToString() : "α"), positions.Select(w => w.Letter));
            Assert.Equal(positions.OrderBy(w => w.Multiplicity), positions);
            Assert.Equal((group.Order, 3), (group.GeneralPosition.Multiplicity, group.GeneralPosition.FreeParameterCount));
        }
    }

    // Fm-3m in the International Tables: letter, a representative point with the free parameters
    // (x, y, z) = (0.1, 0.17, 0.29) where the triplet has them, and the number of free parameters.
    [Theory]
    [InlineData("a", 0.0, 0.0, 0.0, 0)]
    [InlineData("b", 0.5, 0.5, 0.5, 0)]
    [InlineData("c", 0.25, 0.25, 0.25, 0)]
    [InlineData("d", 0.0, 0.25, 0.25, 0)]
    [InlineData("e", 0.1, 0.0, 0.0, 1)]
    [InlineData("f", 0.1, 0.1, 0.1, 1)]
    [InlineData("g", 0.1, 0.25, 0.25, 1)]
    [InlineData("h", 0.0, 0.17, 0.17, 1)]
    [InlineData("i", 0.5, 0.17, 0.17, 1)]
    [InlineData("j", 0.0, 0.17, 0.29, 2)]
    [InlineData("k", 0.1, 0.1, 0.29, 2)]
    [InlineData("l", 0.1, 0.17, 0.29, 3)]
    public void FmMinus3mPositionsHoldTheTabulatedRepresentatives(string letter, double x, double y, double z, int freeParameters)
    {
        var group = SpaceGroups.Get(225);
        var position = group.Wyckoff(letter);
        Assert.Equal(freeParameters, position.FreeParameterCount);
        var tabulated = new Vec3(x, y, z);
        var siteOrder = group.Operations.Count(op => WyckoffGeometry.IsLatticeVector(op.Apply(tabulated) - tabulated, Tolerance));
        Assert.Equal(position.SiteSymmetryOrder, siteOrder);
        Assert.Contains(group.Operations, op => WyckoffGeometry.OnRepresentative(position, op.Apply(tabulated), Tolerance));
    }

    [Fact]
    public void OrbitOfGenericParametersHasMultiplicityPointsClosedUnderTheGroup()
    {
        var random = new Random(3);
        var buffer = new Vec3[192];
        foreach (var group in SpaceGroups.All)
            foreach (var position in group.WyckoffPositions)
            {
                double[] parameters = [.. Enumerable.Range(0, position.FreeParameterCount).Select(_ => 0.05 + 0.9 * random.NextDouble())];
                var count = position.Orbit(parameters, buffer);
                Assert.Equal(position.Multiplicity, count);
                var orbit = buffer[..count];
                Assert.All(orbit, p => Assert.True(p.X is >= 0 and < 1 && p.Y is >= 0 and < 1 && p.Z is >= 0 and < 1));
                Assert.Contains(orbit, p => WyckoffGeometry.IsLatticeVector(p - position.Representative(parameters), Tolerance));
                var keys = orbit.Select(Key).ToHashSet();
                Assert.Equal(count, keys.Count);
                foreach (var op in group.Operations)
                    foreach (var p in orbit)
                        Assert.Contains(Key(op.Apply(p)), keys);
            }
    }

    [Fact]
    public void SpecialParametersCollapseTheOrbitOntoTheHigherSymmetryPoint()
    {
        var line = SpaceGroups.Get(221).Wyckoff("e");
        Assert.Equal("x,0,0", line.Triplet());
        var buffer = new Vec3[6];
        Assert.Equal(6, line.Orbit([0.3], buffer));
        Assert.Equal(1, line.Orbit([0.0], buffer));
        Assert.Equal(3, line.Orbit([0.5], buffer));
        Assert.Equal(1, line.Orbit([1.0 - 1e-9], buffer));
    }

    [Fact]
    public void OrbitNeedsRoomForTheMultiplicityAndTheRightNumberOfParameters()
    {
        var general = SpaceGroups.Get(225).GeneralPosition;
        Assert.Throws<ArgumentException>(() => general.Orbit([0.1, 0.2, 0.3], new Vec3[191]));
        Assert.Throws<ArgumentException>(() => general.Orbit([0.1, 0.2], new Vec3[192]));
        Assert.Throws<ArgumentException>(() => general.Representative([0.1]));
    }

    [Fact]
    public void OrbitDoesNotAllocate()
    {
        var general = SpaceGroups.Get(227).GeneralPosition;
        var buffer = new Vec3[general.Multiplicity];
        Span<double> parameters = [0.11, 0.23, 0.37];
        general.Orbit(parameters, buffer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            parameters[0] = 0.01 * i;
            general.Orbit(parameters, buffer);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void UnknownLetterIsRejectedByName()
    {
        var e = Assert.Throws<LaqaInputException>(() => SpaceGroups.Get(1).Wyckoff("b"));
        Assert.Contains("'b'", e.Message);
    }

    private static (long, long, long) Key(Vec3 p)
    {
        const double grid = 1e6;
        long Round(double x) => (long)Math.Round(Vec3.Wrap01(x) * grid) % (long)grid;
        return (Round(p.X), Round(p.Y), Round(p.Z));
    }

}
