using Laqa.Crystal.Generation;

namespace Laqa.Crystal.Tests;

public class SpaceGroupSelectionTests
{
    [Theory]
    [InlineData("3 15-18 100", "3,15,16,17,18,100")]
    [InlineData("3,15-18,100", "3,15,16,17,18,100")]
    [InlineData(" 100, 3 ,15 - 18 ", "3,15,16,17,18,100")]
    [InlineData("P1", "1")]
    [InlineData("p1 2", "1,2")]
    [InlineData("5 5 4-6", "4,5,6")]
    [InlineData("228-230 1", "1,228,229,230")]
    [InlineData("7-7", "7")]
    public void ListsAndRangesSelectExactlyThoseNumbers(string text, string expected)
    {
        var selection = SpaceGroupSelection.Parse(text);
        var numbers = expected.Split(',').Select(int.Parse).ToArray();
        Assert.Equal(numbers, selection.Numbers.ToArray());
        Assert.All(Enumerable.Range(-1, 234), n => Assert.Equal(numbers.Contains(n), selection.Contains(n)));
        Assert.Equal(numbers, SpaceGroupSelection.Parse(selection.ToString()).Numbers.ToArray());
    }

    [Theory]
    [InlineData("all")]
    [InlineData(" ALL ")]
    [InlineData("1-230")]
    public void AllSelectsEverySpaceGroup(string text)
    {
        var selection = SpaceGroupSelection.Parse(text);
        Assert.Equal(Enumerable.Range(1, 230).ToArray(), selection.Numbers.ToArray());
        Assert.Equal("all", selection.ToString());
    }

    [Theory]
    [InlineData("", "space groups: the selection is empty (give 'all', numbers or ranges like 15-18)")]
    [InlineData(" , ", "space groups: the selection is empty (give 'all', numbers or ranges like 15-18)")]
    [InlineData("0", "space groups: 0 in '0' is outside 1–230")]
    [InlineData("3 231", "space groups: 231 in '231' is outside 1–230")]
    [InlineData("225-240", "space groups: 240 in '225-240' is outside 1–230")]
    [InlineData("18-15", "space groups: range '18-15' runs backwards")]
    [InlineData("15-", "space groups: malformed range '15-' (write it as first-last, e.g. 15-18)")]
    [InlineData("-5", "space groups: malformed range '-5' (write it as first-last, e.g. 15-18)")]
    [InlineData("1-2-3", "space groups: malformed range '1-2-3' (write it as first-last, e.g. 15-18)")]
    [InlineData("3 abc", "space groups: 'abc' is not a number, a range like 15-18, 'P1' or 'all'")]
    [InlineData("3.5", "space groups: '3.5' is not a number, a range like 15-18, 'P1' or 'all'")]
    [InlineData("Fm-3m", "space groups: 'Fm-3m' is not a number, a range like 15-18, 'P1' or 'all'")]
    [InlineData("99999999999", "space groups: '99999999999' is not a number, a range like 15-18, 'P1' or 'all'")]
    [InlineData("all 3", "space groups 'all 3': 'all' cannot be combined with other entries")]
    public void BadSelectionsNameTheOffendingToken(string text, string message) =>
        Assert.Equal(message, Assert.Throws<LaqaInputException>(() => SpaceGroupSelection.Parse(text)).Message);
}
